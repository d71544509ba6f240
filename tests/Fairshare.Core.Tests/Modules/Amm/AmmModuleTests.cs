using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using static Fairshare.Testing.AmmFixture;

namespace Fairshare.Core.Tests.Modules.Amm;

/// <summary>The AMM as a ledger module: Uniswap V2 pair semantics on balances, through signed transactions and blocks.</summary>
public sealed class AmmModuleTests
{
    private static BigInteger B(Amount amount) => amount.ToBigInteger();

    /// <summary>
    /// UniswapV2Library.getAmountOut, written out here (0.3 % fee, rounding down) so that the expected amounts do not come
    /// from the math under test.
    /// </summary>
    private static BigInteger LibraryAmountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) =>
        amountIn * 997 * reserveOut / (reserveIn * 1000 + amountIn * 997);

    /// <summary>UniswapV2Library.getAmountIn, written out (rounding up by adding one).</summary>
    private static BigInteger LibraryAmountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut) =>
        reserveIn * amountOut * 1000 / ((reserveOut - amountOut) * 997) + 1;

    private static Amount A(BigInteger value) => Amount.TryFromBigInteger(value, out var amount) ? amount : throw new OverflowException();

    /// <summary>Submits one transaction; returns its code (Ok when it made it into the block).</summary>
    private static ResultCode Submit(TestChain chain, string from, TxPayload payload)
    {
        var produced = chain.Produce(chain.Sign(from, payload));
        return produced.Rejected.IsEmpty ? ResultCode.Ok : produced.Rejected[0].Code;
    }

    private static void AssertRejectedAndUnchanged(TestChain chain, string from, TxPayload payload, ResultCode expected)
    {
        var root = chain.State.ComputeRoot();
        var fingerprint = chain.Fingerprint();
        Assert.Equal(expected, Submit(chain, from, payload));
        Assert.Equal(fingerprint, chain.Fingerprint());
        Assert.Equal(root, chain.State.ComputeRoot());
    }

    [Fact]
    public void FirstDeposit_MintsSqrtKMinusTheLockedMinimum_AndReservesEqualTheBalances()
    {
        var chain = AmmFixture.Create(fsh: 500, usdf: 1000);
        var pool = Pool(chain);
        var expected = Fairshare.Core.Modules.Math.Checked.Sqrt(B(Tokens(500)) * B(Tokens(1000))) - 1000;
        Assert.Equal(expected, B(chain.State.BalanceOf(chain.Key("issuer").Address, pool.LpAsset)));
        Assert.Equal(new Amount(1000), chain.State.BalanceOf(default, pool.LpAsset));
        Assert.Equal(B(chain.State.FindAsset(pool.LpAsset)!.Supply), expected + 1000);
        var account = AmmPools.Account(pool.Id);
        Assert.Equal(pool.ReserveOf(AssetId.Fsh), chain.State.BalanceOf(account, AssetId.Fsh));
        Assert.Equal(pool.ReserveOf(AssetId.Usdf), chain.State.BalanceOf(account, AssetId.Usdf));
        Assert.StartsWith("LP-", chain.State.FindAsset(pool.LpAsset)!.Symbol, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactInSwap_PaysGetAmountOut_ToTheBaseUnit_AndKGrows()
    {
        var chain = AmmFixture.Create();
        var before = Pool(chain);
        var alice = chain.Key("alice").Address;
        var usdfBefore = chain.State.BalanceOf(alice, AssetId.Usdf);
        var expectedOut = LibraryAmountOut(B(Tokens(10)), B(before.ReserveOf(AssetId.Fsh)), B(before.ReserveOf(AssetId.Usdf)));
        var produced = chain.Produce(chain.Sign("alice", new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Tokens(10), Amount.One, false)));
        Assert.Empty(produced.Rejected);
        Assert.Equal(expectedOut, B(chain.State.BalanceOf(alice, AssetId.Usdf)) - B(usdfBefore));
        var after = Pool(chain);
        Assert.True(B(after.Reserve0) * B(after.Reserve1) > B(before.Reserve0) * B(before.Reserve1));
        var events = produced.Receipts[0].Events;
        Assert.Contains(events, e => e.Tag == FlowTag.SwapFee && e.Asset == AssetId.Fsh && e.Amount == Tokens(10) * new Amount(3) / new Amount(1000));
        Assert.Contains(events, e => e.Tag == FlowTag.Swap && e.Asset == AssetId.Usdf && e.To == alice);
    }

    [Fact]
    public void ExactOutSwap_TakesGetAmountIn_AndRefusesWhenTheInputExceedsTheLimit()
    {
        var chain = AmmFixture.Create();
        var pool = Pool(chain);
        var bob = chain.Key("bob").Address;
        var fshBefore = chain.State.BalanceOf(bob, AssetId.Fsh);
        var needed = LibraryAmountIn(B(Tokens(20)), B(pool.ReserveOf(AssetId.Fsh)), B(pool.ReserveOf(AssetId.Usdf)));
        AssertRejectedAndUnchanged(chain, "bob", new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Tokens(20), A(needed - 1), true),
            ResultCode.ExcessiveInputAmount);
        Assert.Equal(ResultCode.Ok, Submit(chain, "bob", new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Tokens(20), A(needed), true)));
        Assert.Equal(needed + B(TestChain.MinFee), B(fshBefore) - B(chain.State.BalanceOf(bob, AssetId.Fsh)));
    }

    [Fact]
    public void MultiHopSwap_MatchesGetAmountsOut_AcrossTwoPools()
    {
        var chain = AmmFixture.Create();
        var lp = Pool(chain).LpAsset;
        // A second pool: USDF against the first pool's LP shares, seeded by the issuer who holds them.
        Assert.Equal(ResultCode.Ok, Submit(chain, "issuer", new AmmAddLiquidityPayload(AssetId.Usdf, lp, Tokens(2000), Tokens(100), Amount.Zero, Amount.Zero)));
        var first = Pool(chain);
        var second = AmmPools.Find(chain.State, AssetId.Usdf, lp)!;
        var usdf = LibraryAmountOut(B(Tokens(5)), B(first.ReserveOf(AssetId.Fsh)), B(first.ReserveOf(AssetId.Usdf)));
        var lpOut = LibraryAmountOut(usdf, B(second.ReserveOf(AssetId.Usdf)), B(second.ReserveOf(lp)));
        Assert.Equal(ResultCode.Ok, Submit(chain, "carol", new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf, lp], Tokens(5), Amount.One, false)));
        Assert.Equal(lpOut, B(chain.State.BalanceOf(chain.Key("carol").Address, lp)));
    }

    [Fact]
    public void RemoveLiquidity_PaysProRata_AndEnforcesTheMinimums()
    {
        var chain = AmmFixture.Create();
        var pool = Pool(chain);
        var issuer = chain.Key("issuer").Address;
        var shares = chain.State.BalanceOf(issuer, pool.LpAsset);
        var half = shares / new Amount(2);
        var supply = B(chain.State.FindAsset(pool.LpAsset)!.Supply);
        var expectedFsh = B(half) * B(pool.ReserveOf(AssetId.Fsh)) / supply;
        AssertRejectedAndUnchanged(chain, "issuer", new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, half, A(expectedFsh + 1), Amount.Zero),
            ResultCode.InsufficientAAmount);
        var fshBefore = chain.State.BalanceOf(issuer, AssetId.Fsh);
        Assert.Equal(ResultCode.Ok, Submit(chain, "issuer", new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, half, A(expectedFsh), Amount.Zero)));
        Assert.Equal(expectedFsh - B(TestChain.MinFee), B(chain.State.BalanceOf(issuer, AssetId.Fsh)) - B(fshBefore));
        Assert.Equal(shares - half, chain.State.BalanceOf(issuer, pool.LpAsset));
    }

    [Theory]
    [InlineData(ResultCode.SameAsset)]
    [InlineData(ResultCode.PoolNotFound)]
    [InlineData(ResultCode.InsufficientOutputAmount)]
    [InlineData(ResultCode.BadPath)]
    [InlineData(ResultCode.InsufficientBalance)]
    public void BadSwaps_AreRefusedWithTheirCode_AndChangeNothing(ResultCode expected)
    {
        var chain = AmmFixture.Create();
        TxPayload payload = expected switch
        {
            ResultCode.SameAsset => new AmmSwapPayload([AssetId.Fsh, AssetId.Fsh], Tokens(1), Amount.Zero, false),
            ResultCode.PoolNotFound => new AmmSwapPayload([AssetId.Fsh, new AssetId(77)], Tokens(1), Amount.Zero, false),
            ResultCode.InsufficientOutputAmount => new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Tokens(1), Tokens(1000), false),
            ResultCode.BadPath => new AmmSwapPayload([AssetId.Fsh], Tokens(1), Amount.Zero, false),
            _ => new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Tokens(100_000), Amount.Zero, false),
        };
        AssertRejectedAndUnchanged(chain, "alice", payload, expected);
    }

    [Fact]
    public void FlashSwap_RepaidWithTheFeeInTheSameBatch_Succeeds_AndKGrows()
    {
        var chain = AmmFixture.Create();
        var pool = Pool(chain);
        var borrowed = Tokens(100);
        // Repay enough for the 0.3% K check: borrowed × 1000 / 997, rounded up.
        var repay = A((B(borrowed) * 1000 + 996) / 997);
        var batch = new BatchPayload([
            new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, borrowed, Amount.Zero),
            new TransferPayload(AmmPools.Account(pool.Id), AssetId.Fsh, repay)]);
        Assert.Equal(ResultCode.Ok, Submit(chain, "dave", batch));
        var after = Pool(chain);
        Assert.True(B(after.Reserve0) * B(after.Reserve1) > B(pool.Reserve0) * B(pool.Reserve1));
    }

    [Fact]
    public void FlashSwap_NotRepaid_RevertsTheWholeBatch()
    {
        var chain = AmmFixture.Create();
        var pool = Pool(chain);
        var shortBatch = new BatchPayload([
            new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, Tokens(100), Amount.Zero),
            new TransferPayload(AmmPools.Account(pool.Id), AssetId.Fsh, Tokens(100))]);
        AssertRejectedAndUnchanged(chain, "dave", shortBatch, ResultCode.KInvariant);
        // Nothing paid back at all: the pair sees no input (Uniswap checks that before K).
        AssertRejectedAndUnchanged(chain, "dave", new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, Tokens(100), Amount.Zero), ResultCode.InsufficientInputAmount);
    }

    [Fact]
    public void DuringAFlashSwap_ThePoolIsLocked()
    {
        var chain = AmmFixture.Create();
        var batch = new BatchPayload([
            new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, Tokens(10), Amount.Zero),
            new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], Tokens(10), Amount.One, false)]);
        AssertRejectedAndUnchanged(chain, "dave", batch, ResultCode.BadPath);
        var addDuringFlash = new BatchPayload([
            new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, Tokens(10), Amount.Zero),
            new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Tokens(1), Tokens(2), Amount.Zero, Amount.Zero)]);
        AssertRejectedAndUnchanged(chain, "dave", addDuringFlash, ResultCode.PoolLocked);
    }

    [Fact]
    public void ABatchThatFailsMidway_LeavesNoTrace()
    {
        var chain = AmmFixture.Create();
        var batch = new BatchPayload([
            new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Tokens(10), Tokens(20), Amount.Zero, Amount.Zero),
            new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Tokens(1), Amount.One, false),
            new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Tokens(1_000_000), Amount.Zero, Amount.Zero)]);
        AssertRejectedAndUnchanged(chain, "alice", batch, ResultCode.InsufficientBalance);
    }

    [Fact]
    public void Twap_IgnoresAPriceMovedWithinTheBlock_AndFollowsPricesThatStand()
    {
        var chain = AmmFixture.Create(fsh: 500, usdf: 1000);
        ulong Now() => chain.State.Head.TimestampMs / 1000;
        Assert.Equal(ResultCode.OracleNotReady, AmmOracle.TryTwap(chain.State, AssetId.Fsh, AssetId.Usdf, Now(), out _));
        for (int i = 0; i < 61; i++) chain.Produce();
        Assert.Equal(ResultCode.Ok, AmmOracle.TryTwap(chain.State, AssetId.Fsh, AssetId.Usdf, Now(), out var steady));
        Assert.Equal(Tokens(2), steady);

        // A whale dumps FSH: the spot price falls at once, but the TWAP read in the same second is unchanged.
        AmmFixture.Expect(chain, chain.Sign("alice", new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Tokens(400), Amount.One, false)));
        var spot = AmmOracle.Spot(Pool(chain), AssetId.Fsh);
        Assert.True(spot < B(Tokens(1)), $"spot {spot}");
        Assert.Equal(ResultCode.Ok, AmmOracle.TryTwap(chain.State, AssetId.Fsh, AssetId.Usdf, Now(), out var sameBlock));
        Assert.Equal(steady, sameBlock);

        // Once the low price has stood for a full period, the TWAP follows it.
        for (int i = 0; i < 130; i++) chain.Produce();
        Assert.Equal(ResultCode.Ok, AmmOracle.TryTwap(chain.State, AssetId.Fsh, AssetId.Usdf, Now(), out var later));
        Assert.True(B(later) < B(Tokens(1)), $"twap {later}");
    }
}
