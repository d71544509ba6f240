using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>Withdraws the sender's whole stake from a farm and pays its earned FSH (<c>exit</c>).</summary>
public sealed record FarmExitPayload(uint FarmId) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.FarmExit;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(FarmId);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new FarmExitPayload(reader.ReadU32());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => FarmingModule.Exit(context, FarmId);
}
