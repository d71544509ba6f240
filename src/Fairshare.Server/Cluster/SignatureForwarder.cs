using System.Threading.Channels;
using Fairshare.Client;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Node.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fairshare.Server.Cluster;

/// <summary>
/// Sends this validator's signature of every block it commits to every other member (<c>POST /v1/internal/signatures</c>).
/// Best effort: the apply thread only writes into a bounded queue (the oldest entry is dropped when it is full), and a
/// background loop posts each signature to the members, retrying a member that has not applied the block yet a few
/// times. A signature that never arrives costs nothing but a missing signature in that member's store.
/// </summary>
internal sealed partial class SignatureForwarder(ILedgerService ledger, LeaderForwarder members, ILogger<SignatureForwarder> log) : BackgroundService
{
    private const int QueueCapacity = 1024;
    private const int Attempts = 4;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly Channel<(ulong Height, BlockSignature Signature)> _queue = Channel.CreateBounded<(ulong, BlockSignature)>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ledger.BlockCommitted += OnBlockCommitted;
        try
        {
            await foreach (var (height, signature) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var view = ledger.Cluster;
                var others = view.MemberApiUrls.Where(url => !SameUrl(url, view.SelfApiUrl)).ToList();
                if (others.Count == 0) continue;
                await Task.WhenAll(others.Select(url => SendAsync(url, height, signature, stoppingToken))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            ledger.BlockCommitted -= OnBlockCommitted;
        }
    }

    private void OnBlockCommitted(object? sender, BlockCommittedEventArgs e) =>
        _queue.Writer.TryWrite((e.Block.Header.Height, e.OwnSignature));

    private async Task SendAsync(string url, ulong height, BlockSignature signature, CancellationToken ct)
    {
        for (int attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await members.For(url).SubmitSignatureAsync(height, signature, ct).ConfigureAwait(false);
                return;
            }
            catch (FairshareApiException e) when (e.Code is "unknown_block" or "unreachable" or "rate_limited" && attempt < Attempts)
            {
                await Task.Delay(RetryDelay * attempt, ct).ConfigureAwait(false);
            }
            catch (FairshareApiException e)
            {
                LogNotDelivered(height, url, e.Code, e.Message);
                return;
            }
        }
    }

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Debug, Message = "signature of block {Height} not delivered to {Url}: {Code} ({Reason})")]
    private partial void LogNotDelivered(ulong height, string url, string code, string reason);
}
