using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Tests.Modules.StableSwap.StableChain;

namespace Fairshare.Core.Tests.Modules.StableSwap;

/// <summary>
/// StableSwap at its edges, from defi-math §6 and docs/modules/stableswap.md: three-coin solving (the spec's vectors
/// are two-coin; the expected values come from scripts/reference/stableswap.py, the spec's pseudo-code in Python),
/// inclusive slippage limits, the creation bounds (decimals, amplification, the LP symbol's length), the documented
/// pool accounts, and the stored records and payloads as values.
/// </summary>
public sealed class StableSwapBoundaryTests
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    [Fact]
    public void GetY_InAThreeCoinPool_KeepsTheThirdCoinsOwnBalance()
    {
        BigInteger[] xp = [1000 * E18, 1200 * E18, 900 * E18];
        Assert.Equal(BigInteger.Parse("1099913599665993670825"), StableSwapInvariant.GetY(0, 1, 1100 * E18, xp, 10_000));
        Assert.Equal(BigInteger.Parse("949985460849200161535"), StableSwapInvariant.GetY(2, 0, 950 * E18, xp, 20_000));
    }

    [Fact]
    public void PreciseA_OfARampThatStartsAndEndsAtOnce_IsItsFutureA_AtThatTime()
    {
        // §6.6: at or after future_A_time the answer is future_A, with no interpolation (which would divide by zero here).
        var ramp = new AmplificationRamp(100 * 100, 300 * 100, 1_700_000_000, 1_700_000_000);
        Assert.Equal(30_000, ramp.PreciseAt(1_700_000_000));
        Assert.Equal(300, ramp.At(1_700_000_000));
    }

    [Fact]
    public void AddLiquidity_MintingExactlyTheMinimum_Succeeds_AndOneMoreIsSlippage()
    {
        var pool = Create().Math();
        BigInteger[] amounts = [3 * E18, 5 * E18];
        var mint = StableSwapMath.AddLiquidity(pool, amounts, 0).MintAmount;
        Assert.Equal(mint, StableSwapMath.AddLiquidity(pool, amounts, mint).MintAmount);
        Assert.Equal(StableSwapErrors.Slippage, Assert.Throws<RevertException>(() => StableSwapMath.AddLiquidity(pool, amounts, mint + 1)).Error);
    }

    [Fact]
    public void RemoveOneCoin_PayingExactlyTheMinimum_Succeeds_AndOneMoreIsSlippage()
    {
        var pool = Create().Math();
        var dy = StableSwapMath.CalcWithdrawOneCoin(pool, 10 * E18, 1).Dy;
        Assert.Equal(dy, StableSwapMath.RemoveLiquidityOneCoin(pool, 10 * E18, 1, dy).Dy);
        Assert.Equal(StableSwapErrors.Slippage, Assert.Throws<RevertException>(() => StableSwapMath.RemoveLiquidityOneCoin(pool, 10 * E18, 1, dy + 1)).Error);
    }

    [Fact]
    public void TheMath_RefusesOneValuePerCoinTooMany()
    {
        var pool = Create().Math();
        Assert.Throws<ArgumentException>(() => StableSwapMath.AddLiquidity(pool, [E18, E18, E18], 0));
        Assert.Throws<ArgumentException>(() => StableSwapMath.RemoveLiquidity(pool, E18, [0, 0, 0]));
    }

    [Fact]
    public void AMathPool_NeedsOnePrecisionMultiplierPerCoin_AndAtLeastOneCoin()
    {
        Assert.Throws<ArgumentException>(() => new StableSwapPool([E18, E18], [1], 10_000, 0, 0, 0));
        Assert.Throws<ArgumentException>(() => new StableSwapPool([], [], 10_000, 0, 0, 0));
        Assert.Equal(2, new StableSwapPool([E18, E18], [1, 1], 10_000, 0, 0, 0).CoinCount);
    }

    [Fact]
    public void CreatePool_TakesCoinsOfUpTo18Decimals_AndRefuses19()
    {
        var stable = Create(withPool: false);
        var state = stable.Chain.State;
        var eighteen = Register(state, "E18", 18);
        var nineteen = Register(state, "E19", 19);
        stable.Refused("alice", new StableCreatePoolPayload([AssetId.Usdf, nineteen], 0), ResultCode.StableBadDecimals);
        stable.Ok("alice", new StableCreatePoolPayload([AssetId.Usdf, eighteen], 0));
    }

    [Fact]
    public void CreatePool_TakesTheLargestAmplification()
    {
        var stable = Create(withPool: false);
        stable.Ok("alice", new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf], StableParams.MaxA));
        Assert.Equal(StableParams.MaxA * 100, stable.Pool().Amp);
    }

    [Fact]
    public void TheLpSymbol_JoinsTheCoinsSymbols_UpTo24Characters_ThenNamesThePoolId()
    {
        var stable = Create(withPool: false);
        var state = stable.Chain.State;
        var (ten, eleven, twelve) = (Register(state, "ABCDEFGHIJ", 6), Register(state, "KLMNOPQRSTU", 6), Register(state, "VWXYZABCDEFG", 6));
        stable.Ok("alice", new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf, ten], 0)); // 3 + 4 + 10 = 17
        stable.Ok("alice", new StableCreatePoolPayload([AssetId.Fsh, ten, eleven], 0)); // 3 + 10 + 11 = 24
        stable.Ok("alice", new StableCreatePoolPayload([AssetId.Usdf, ten, eleven], 0)); // 4 + 10 + 11 = 25
        stable.Ok("alice", new StableCreatePoolPayload([ten, eleven, twelve], 0)); // 33
        Assert.Equal("SS-FSH-USDF-ABCDEFGHIJ", Symbol(stable, 1));
        Assert.Equal("SS-FSH-ABCDEFGHIJ-KLMNOPQRSTU", Symbol(stable, 2));
        Assert.Equal("SS-3", Symbol(stable, 3));
        Assert.Equal("SS-4", Symbol(stable, 4));
    }

    [Fact]
    public void EachPoolsCoins_SitInItsDocumentedAccount()
    {
        Assert.Equal(Address.ForModule("stableswap/pool/1"), StablePools.Account(1));
        Assert.Equal(Address.ForModule("stableswap/pool/2"), StablePools.Account(2));
        var stable = Create();
        var pool = stable.Pool();
        Assert.Equal(pool.Balances[0], stable.Chain.State.BalanceOf(Address.ForModule("stableswap/pool/1"), pool.Assets[0]));
        Assert.False(pool.Balances[0].IsZero);
    }

    [Fact]
    public void StoredParameters_DecodeToThemselves_AndOneByteShortOrOverThrows()
    {
        var parameters = new StableParams(123, 4_567_890, 1_234_567_891);
        var bytes = parameters.Encode();
        Assert.Equal(parameters, StableParams.Decode(bytes));
        Assert.Throws<InvalidOperationException>(() => StableParams.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<InvalidOperationException>(() => StableParams.Decode([.. bytes, 0]));
    }

    [Fact]
    public void AStoredPool_DecodesToItself_AndOneByteShortOrOverThrows()
    {
        var pool = new StablePool(7, [AssetId.Fsh, AssetId.Usdf, new AssetId(9)], [18, 6, 0], new AssetId(12),
            [new Amount(1), Amount.MaxValue, Amount.Zero], 12_300, 4_000_000, 5_000_000_000);
        var bytes = pool.Encode();
        var decoded = StablePool.Decode(bytes);
        Assert.Equal((pool.Id, pool.LpAsset, pool.Amp, pool.Fee, pool.AdminFee), (decoded.Id, decoded.LpAsset, decoded.Amp, decoded.Fee, decoded.AdminFee));
        Assert.Equal(pool.Assets.ToArray(), decoded.Assets.ToArray());
        Assert.Equal(pool.Decimals.ToArray(), decoded.Decimals.ToArray());
        Assert.Equal(pool.Balances.ToArray(), decoded.Balances.ToArray());
        Assert.Throws<InvalidOperationException>(() => StablePool.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<InvalidOperationException>(() => StablePool.Decode([.. bytes, 0]));
    }

    [Fact]
    public void Payloads_AreEqual_OnlyWhenEveryFieldIs()
    {
        var add = new StableAddLiquidityPayload(3, [Units("1"), Units("2")], new Amount(7));
        Assert.Equal(add, new StableAddLiquidityPayload(3, [Units("1"), Units("2")], new Amount(7)));
        Assert.NotEqual(add, new StableAddLiquidityPayload(4, [Units("1"), Units("2")], new Amount(7)));
        Assert.NotEqual(add, new StableAddLiquidityPayload(3, [Units("1"), Units("3")], new Amount(7)));
        Assert.NotEqual(add, new StableAddLiquidityPayload(3, [Units("1"), Units("2")], new Amount(8)));

        var create = new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf], 250);
        Assert.Equal(create, new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf], 250));
        Assert.NotEqual(create, new StableCreatePoolPayload([AssetId.Usdf, AssetId.Fsh], 250));
        Assert.NotEqual(create, new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf], 251));

        var remove = new StableRemoveLiquidityPayload(4, Units("2"), [Amount.Zero, Amount.One]);
        Assert.Equal(remove, new StableRemoveLiquidityPayload(4, Units("2"), [Amount.Zero, Amount.One]));
        Assert.NotEqual(remove, new StableRemoveLiquidityPayload(5, Units("2"), [Amount.Zero, Amount.One]));
        Assert.NotEqual(remove, new StableRemoveLiquidityPayload(4, Units("3"), [Amount.Zero, Amount.One]));
        Assert.NotEqual(remove, new StableRemoveLiquidityPayload(4, Units("2"), [Amount.One, Amount.One]));
    }

    private static AssetId Register(LedgerState state, string symbol, byte decimals)
    {
        var id = state.NextAssetId();
        state.RegisterAsset(new AssetInfo(id, symbol, decimals, Amount.Zero, null));
        return id;
    }

    private static string Symbol(StableChain stable, uint pool) => stable.Chain.State.FindAsset(stable.Pool(pool).LpAsset)!.Symbol;
}
