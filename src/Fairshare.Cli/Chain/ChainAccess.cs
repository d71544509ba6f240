using Fairshare.Cli.Commands;
using Fairshare.Cli.Output;
using Fairshare.Client;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Chain;

/// <summary>
/// The chain as a command sees it: the committed state to read (or one account of it, light), blocks to show, and a
/// way to commit a signed transaction. Either the local store (<see cref="LocalChain"/>) or a node over HTTP (<see cref="RemoteChain"/>);
/// <see cref="Open"/> chooses. Wallet keys never travel: commands sign locally and only signed bytes are sent.
/// </summary>
public abstract class ChainAccess : IDisposable
{
    /// <summary>The committed state; after a successful <see cref="Submit"/> it includes that transaction.</summary>
    public abstract LedgerState State { get; }

    /// <summary>
    /// One account with the assets and parameters, at the committed head: what <c>balance</c> shows and what a
    /// transaction's sender signs with (its nonce). Read from <see cref="State"/> here; a remote chain reads only a
    /// verified proof of the account instead of downloading the state.
    /// </summary>
    public virtual ChainAccount ReadAccount(Address address) => ChainAccount.Of(State, address);

    /// <summary>Commits one signed transaction and waits for its block, or reports why it was refused.</summary>
    public abstract ChainSubmission Submit(SignedTransaction transaction);

    /// <summary>
    /// Executes <paramref name="transaction"/> against <see cref="State"/> as the next block would (its signature
    /// unchecked: the caller signed it), hands the outcome to <paramref name="whileApplied"/> while the state still
    /// holds its effects (so a report may read them), then undoes it: nothing is sent or stored. The end-of-block step
    /// (matching, settlement) does not run. A remote chain downloads its whole state for this.
    /// </summary>
    public T DryRun<T>(SignedTransaction transaction, Func<ChainSubmission, T> whileApplied)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(whileApplied);
        var state = State;
        int checkpoint = state.Checkpoint();
        try
        {
            ulong height = state.Head.Height + 1;
            ulong now = Math.Max((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), state.Head.TimestampMs + 1);
            var events = new List<Core.Ledger.LedgerEvent>();
            var code = Core.Ledger.TransactionExecutor.Execute(state, transaction, height, now, DryRunProposer, events);
            return whileApplied(code == ResultCode.Ok
                ? new ChainSubmission(code.ToString(), height, [.. events.Select(Client.Dto.EventDto.Of)])
                : new ChainSubmission(code.ToString(), null, []));
        }
        finally
        {
            state.Rollback(checkpoint);
        }
    }

    /// <summary>The proposer a dry run's block is made by (its share of the fee goes there): this node's key where known.</summary>
    protected virtual Address DryRunProposer => default;

    /// <summary>The committed block at a height with its receipt codes, or null when there is none.</summary>
    public abstract ChainBlock? ReadBlock(ulong height);

    /// <summary>
    /// The node a command talks to: <c>--node</c> (or <c>$FAIRSHARE_NODE</c>) when given; else the API of a node running on
    /// the data directory (its <see cref="RunningNode"/> note), whose store is then the node's; else null (local).
    /// </summary>
    public static Uri? RemoteUrl(CliContext context)
    {
        if (context.NodeUrl is { } explicitUrl) return explicitUrl;
        return RunningNode.TryRead(context.Data) is { } note && Uri.TryCreate(note.ApiUrl, UriKind.Absolute, out var noted) ? CliApp.AsBase(noted) : null;
    }

    /// <summary>Opens the chain the command should use (see <see cref="RemoteUrl"/>).</summary>
    public static ChainAccess Open(CliContext context) =>
        RemoteUrl(context) is { } url ? new RemoteChain(url) : new LocalChain(LedgerNode.Open(context.Data, passphrase: Passphrases.ForNodeKey));

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the store or the HTTP client.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
