using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>The slot's provider commits to its output: <c>MarketCommitment.Compute(output, salt, provider)</c>.</summary>
public sealed record MarketCommitPayload(ulong JobId, byte Slot, Hash32 Commitment) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketCommit;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU64(JobId);
        writer.WriteU8(Slot);
        writer.WriteHash(Commitment);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new MarketCommitPayload(reader.ReadU64(), reader.ReadU8(), reader.ReadHash());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.Commit(context, JobId, Slot, Commitment);
}
