using System.Collections.Concurrent;
using System.Threading.Channels;
using Fairshare.Client;
using Polly;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Node.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fairshare.Server.Cluster;

/// <summary>
/// Sends this validator's signature of every block it commits to every other member (<c>POST /v1/internal/signatures</c>).
/// Best effort: the apply thread only writes into a bounded queue (the oldest entry is dropped when it is full); one loop
/// per member posts from its own bounded queue, so a slow or dead member delays nobody else. A member that has not
/// applied the block yet (<c>unknown_block</c>) is retried a few times; a member that does not answer within
/// <see cref="CallTimeout"/> is skipped for that signature. A signature that never arrives costs only a missing
/// signature in that member's store.
/// </summary>
internal sealed partial class SignatureForwarder(ILedgerService ledger, LeaderForwarder members, ILogger<SignatureForwarder> log) : BackgroundService
{
    private const int QueueCapacity = 1024;
    private const int Attempts = 4;
    private static readonly ResiliencePipeline Retry = NodeRetry.Create(NodeRetryOptions.Default with
    {
        MaxAttempts = Attempts,
        FirstDelay = TimeSpan.FromMilliseconds(250),
        ShouldRetry = e => e is FairshareApiException { Code: "unknown_block" or "rate_limited" },
    });
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<(ulong Height, BlockSignature Signature)> _committed = NewQueue();
    private readonly ConcurrentDictionary<string, Channel<(ulong Height, BlockSignature Signature)>> _perMember = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> _loops = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ledger.BlockCommitted += OnBlockCommitted;
        try
        {
            await foreach (var item in _committed.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var view = ledger.Cluster;
                foreach (var url in view.MemberApiUrls)
                {
                    if (SameUrl(url, view.SelfApiUrl)) continue;
                    var key = url.TrimEnd('/');
                    var queue = _perMember.GetOrAdd(key, member =>
                    {
                        var created = NewQueue();
                        _loops.Add(Task.Run(() => DeliverAsync(member, created.Reader, stoppingToken), stoppingToken));
                        return created;
                    });
                    queue.Writer.TryWrite(item);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            ledger.BlockCommitted -= OnBlockCommitted;
            foreach (var queue in _perMember.Values) queue.Writer.TryComplete();
            await Task.WhenAll(_loops).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static Channel<(ulong, BlockSignature)> NewQueue() => Channel.CreateBounded<(ulong, BlockSignature)>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

    private void OnBlockCommitted(object? sender, BlockCommittedEventArgs e) =>
        _committed.Writer.TryWrite((e.Block.Header.Height, e.OwnSignature));

    private async Task DeliverAsync(string url, ChannelReader<(ulong Height, BlockSignature Signature)> queue, CancellationToken ct)
    {
        try
        {
            await foreach (var (height, signature) in queue.ReadAllAsync(ct).ConfigureAwait(false)) await SendAsync(url, height, signature, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(string url, ulong height, BlockSignature signature, CancellationToken ct)
    {
        try
        {
            // A member that has not stored the block yet (unknown_block) or is rate-limiting is tried again, on the shared
            // backoff (honouring Retry-After); each call has its own timeout.
            await Retry.ExecuteAsync(async token =>
            {
                using var call = CancellationTokenSource.CreateLinkedTokenSource(token);
                call.CancelAfter(CallTimeout);
                await members.For(url).SubmitSignatureAsync(height, signature, call.Token).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        catch (FairshareApiException e)
        {
            LogNotDelivered(height, url, e.Code, e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogNotDelivered(height, url, "timeout", $"no answer within {CallTimeout.TotalSeconds:0} s");
        }
    }

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Debug, Message = "signature of block {Height} not delivered to {Url}: {Code} ({Reason})")]
    private partial void LogNotDelivered(ulong height, string url, string code, string reason);
}
