using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Chain;

/// <summary>The chain in the local data directory: this process produces the block (the embedded single validator).</summary>
public sealed class LocalChain(LedgerNode node) : ChainAccess
{
    /// <inheritdoc/>
    public override LedgerState State => node.State;

    /// <inheritdoc/>
    public override ChainSubmission Submit(SignedTransaction transaction)
    {
        var outcome = node.Commit([transaction]);
        if (outcome.Produced is null)
        {
            var code = outcome.Rejected.Length > 0 ? outcome.Rejected[0].Code : ResultCode.InvalidValue;
            return new ChainSubmission(code.ToString(), null, []);
        }

        var receipt = outcome.Produced.Receipts[0];
        return new ChainSubmission(receipt.Code.ToString(), outcome.Produced.Block!.Header.Height, [.. receipt.Events.Select(EventDto.Of)]);
    }

    /// <inheritdoc/>
    protected override Address DryRunProposer => node.Key.Address;

    /// <inheritdoc/>
    public override ChainBlock? ReadBlock(ulong height) =>
        node.ReadBlock(height) is { } block ? new ChainBlock(block, [.. node.ReadReceipts(height).Select(r => r.Code.ToString())]) : null;

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) node.Dispose();
        base.Dispose(disposing);
    }
}
