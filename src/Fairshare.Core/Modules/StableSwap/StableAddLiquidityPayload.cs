using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>Curve <c>add_liquidity</c>: deposits <paramref name="Amounts"/> (one per coin) into pool
/// <paramref name="PoolId"/> for at least <paramref name="MinMint"/> LP shares.</summary>
public sealed record StableAddLiquidityPayload(uint PoolId, ImmutableArray<Amount> Amounts, Amount MinMint) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StableAddLiquidity;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(PoolId);
        StableCoinLists.WriteAmounts(writer, Amounts);
        writer.WriteAmount(MinMint);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        uint poolId = reader.ReadU32();
        var amounts = StableCoinLists.ReadAmounts(ref reader);
        var minMint = reader.ReadAmount();
        return reader.Ok ? new StableAddLiquidityPayload(poolId, amounts, minMint) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StableSwapModule.AddLiquidity(context, PoolId, Amounts, MinMint);

    /// <inheritdoc/>
    public bool Equals(StableAddLiquidityPayload? other) =>
        other is not null && PoolId == other.PoolId && Amounts.SequenceEqual(other.Amounts) && MinMint == other.MinMint;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PoolId, Amounts.Length, MinMint);
}
