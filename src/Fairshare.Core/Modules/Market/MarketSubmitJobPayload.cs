using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>Submits a compute job and locks its escrow: cap × work units × the policy's most executions.</summary>
public sealed record MarketSubmitJobPayload(JobSpec Spec) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketSubmitJob;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        Spec.Encode(writer);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new MarketSubmitJobPayload(JobSpec.Read(ref reader));
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.SubmitJob(context, Spec);
}
