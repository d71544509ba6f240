using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>Curve <c>remove_liquidity</c>: burns <paramref name="LpAmount"/> LP shares of pool <paramref name="PoolId"/>
/// for a pro-rata share of every coin, each at least its entry of <paramref name="MinAmounts"/>.</summary>
public sealed record StableRemoveLiquidityPayload(uint PoolId, Amount LpAmount, ImmutableArray<Amount> MinAmounts) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StableRemoveLiquidity;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(PoolId);
        writer.WriteAmount(LpAmount);
        StableCoinLists.WriteAmounts(writer, MinAmounts);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        uint poolId = reader.ReadU32();
        var lpAmount = reader.ReadAmount();
        var minAmounts = StableCoinLists.ReadAmounts(ref reader);
        return reader.Ok ? new StableRemoveLiquidityPayload(poolId, lpAmount, minAmounts) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StableSwapModule.RemoveLiquidity(context, PoolId, LpAmount, MinAmounts);

    /// <inheritdoc/>
    public bool Equals(StableRemoveLiquidityPayload? other) =>
        other is not null && PoolId == other.PoolId && LpAmount == other.LpAmount && MinAmounts.SequenceEqual(other.MinAmounts);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PoolId, LpAmount, MinAmounts.Length);
}
