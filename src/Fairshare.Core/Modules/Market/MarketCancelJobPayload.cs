using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>The client cancels a job that has no slot yet, for a full refund.</summary>
public sealed record MarketCancelJobPayload(ulong JobId) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketCancelJob;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU64(JobId);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new MarketCancelJobPayload(reader.ReadU64());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.CancelJob(context, JobId);
}
