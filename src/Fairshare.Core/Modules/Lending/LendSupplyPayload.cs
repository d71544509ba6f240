using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>Supplies <paramref name="Amount"/> of <paramref name="Asset"/> to its market (created if missing) for cTokens (Compound <c>mint</c>).</summary>
public sealed record LendSupplyPayload(AssetId Asset, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.LendSupply;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(Asset.Value);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new LendSupplyPayload(new AssetId(reader.ReadU32()), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => LendingModule.Supply(context, Asset, Amount);
}
