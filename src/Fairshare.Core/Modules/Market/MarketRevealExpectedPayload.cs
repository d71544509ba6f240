using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>A canary job's client reveals the known answer behind its seal; an accepted output that differs opens a dispute.</summary>
public sealed record MarketRevealExpectedPayload(ulong JobId, Hash32 ExpectedOutputHash, Hash32 Salt) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketRevealExpected;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU64(JobId);
        writer.WriteHash(ExpectedOutputHash);
        writer.WriteHash(Salt);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new MarketRevealExpectedPayload(reader.ReadU64(), reader.ReadHash(), reader.ReadHash());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.RevealExpected(context, JobId, ExpectedOutputHash, Salt);
}
