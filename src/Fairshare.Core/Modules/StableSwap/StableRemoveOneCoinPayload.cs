using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>Curve <c>remove_liquidity_one_coin</c>: burns <paramref name="LpAmount"/> LP shares of pool
/// <paramref name="PoolId"/> for coin <paramref name="I"/> alone, at least <paramref name="MinAmount"/>.</summary>
public sealed record StableRemoveOneCoinPayload(uint PoolId, Amount LpAmount, byte I, Amount MinAmount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StableRemoveOneCoin;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(PoolId);
        writer.WriteAmount(LpAmount);
        writer.WriteU8(I);
        writer.WriteAmount(MinAmount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new StableRemoveOneCoinPayload(reader.ReadU32(), reader.ReadAmount(), reader.ReadU8(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StableSwapModule.RemoveOneCoin(context, PoolId, LpAmount, I, MinAmount);
}
