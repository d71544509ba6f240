using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// Redeems from the market of <paramref name="Asset"/>: exactly <paramref name="Tokens"/> cTokens (Compound <c>redeem</c>)
/// or exactly <paramref name="Amount"/> of the underlying (<c>redeemUnderlying</c>); the other field must be zero.
/// </summary>
public sealed record LendRedeemPayload(AssetId Asset, Amount Tokens, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.LendRedeem;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(Asset.Value);
        writer.WriteAmount(Tokens);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new LendRedeemPayload(new AssetId(reader.ReadU32()), reader.ReadAmount(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => LendingModule.Redeem(context, Asset, Tokens, Amount);
}
