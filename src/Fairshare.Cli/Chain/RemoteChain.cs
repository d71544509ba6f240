using System.Diagnostics;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Chain;

/// <summary>
/// A node's chain over its HTTP API. The state is downloaded once, when a command needs it, and checked against the
/// signed block at its height (<see cref="FairshareClient.GetStateAsync"/>); one account alone (a balance, a sender's
/// nonce) is read as a proof checked the same way, without the state. After a commit either is read again, waiting (a
/// few seconds at most) until the node has applied the block that holds the transaction.
/// </summary>
public sealed class RemoteChain(Uri url) : ChainAccess
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(5);

    private readonly FairshareClient _client = new(url);
    private LedgerState? _state;
    private ulong _atLeast;

    /// <summary>The node's API base URL.</summary>
    public Uri Url => _client.BaseUrl;

    /// <summary>The SDK client, for calls beyond this abstraction.</summary>
    public FairshareClient Client => _client;

    /// <inheritdoc/>
    public override LedgerState State => _state ??= Download();

    /// <summary>
    /// The account from the state when it is already downloaded (and current); else from a proof
    /// (<see cref="FairshareClient.GetVerifiedAccountAsync"/>, a few kilobytes), waiting like <see cref="State"/> for
    /// the block of this chain's last commit.
    /// </summary>
    public override ChainAccount ReadAccount(Address address)
    {
        if (_state is { } state) return ChainAccount.Of(state, address);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var read = Wait(_client.GetVerifiedAccountAsync(address));
            if (read.Height >= _atLeast || watch.Elapsed > CatchUp)
                return new ChainAccount(address, read.Account, read.Height, read.ChainId, read.Globals);
            Thread.Sleep(50);
        }
    }

    /// <inheritdoc/>
    public override ChainSubmission Submit(SignedTransaction transaction)
    {
        var response = Wait(_client.SubmitAsync([transaction], wait: true));
        var outcome = response.Results.Count == 1
            ? response.Results[0]
            : throw new FairshareApiException(ApiError.Of("malformed_response", $"{Url} answered {response.Results.Count} outcomes for one transaction", 0));
        if (!outcome.IsCommitted) return new ChainSubmission(outcome.Code, null, []);
        _state = null;
        _atLeast = outcome.Height!.Value;
        return new ChainSubmission(outcome.Code, outcome.Height, outcome.Events ?? []);
    }

    /// <inheritdoc/>
    public override ChainBlock? ReadBlock(ulong height)
    {
        var block = Wait(_client.GetRawBlockAsync(height));
        if (block is null) return null;
        var receipts = Wait(_client.GetReceiptsAsync(height));
        return new ChainBlock(block, [.. receipts.Select(r => r.Code)]);
    }

    /// <summary>Waits for a call of the SDK (the CLI's commands are synchronous; there is no context to deadlock on).</summary>
    public static T Wait<T>(Task<T> call) => call.GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _client.Dispose();
        base.Dispose(disposing);
    }

    private LedgerState Download()
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var state = Wait(_client.GetStateAsync()).State;
            if (state.Head.Height >= _atLeast || watch.Elapsed > CatchUp) return state;
            Thread.Sleep(50);
        }
    }
}
