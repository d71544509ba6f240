using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>Creates the lending market of <paramref name="Asset"/> (with its cToken asset) with the module's default parameters; anyone may.</summary>
public sealed record LendCreateMarketPayload(AssetId Asset) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.LendCreateMarket;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteU32(Asset.Value);

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new LendCreateMarketPayload(new AssetId(reader.ReadU32()));
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => LendingModule.CreateMarket(context, Asset, out _);
}
