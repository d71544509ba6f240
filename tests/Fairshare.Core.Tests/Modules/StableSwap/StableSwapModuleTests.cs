using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using static Fairshare.Core.Tests.Modules.StableSwap.StableChain;

namespace Fairshare.Core.Tests.Modules.StableSwap;

/// <summary>StableSwap pools on the ledger: the math's amounts to the base unit, fees to the treasury, refusals that change nothing.</summary>
public sealed class StableSwapModuleTests
{
    [Fact]
    public void CreatePool_UsesTheGovernedDefaults_AndRegistersTheLpAsset()
    {
        var stable = Create(seeded: false);
        var pool = stable.Pool();
        Assert.Equal(new[] { AssetId.Fsh, AssetId.Usdf }, pool.Assets.ToArray());
        Assert.Equal(100u * 100, pool.Amp);
        Assert.Equal(4_000_000UL, pool.Fee);
        Assert.Equal(5_000_000_000UL, pool.AdminFee);
        Assert.Equal("SS-FSH-USDF", stable.Chain.State.FindAsset(pool.LpAsset)!.Symbol);
        Assert.All(stable.Math().PrecisionMul, m => Assert.Equal(BigInteger.One, m));
    }

    [Fact]
    public void FirstDeposit_MintsD_AndTheAccountHoldsTheBalances()
    {
        var stable = Create();
        var pool = stable.Pool();
        Assert.Equal(new[] { Units("400"), Units("400") }, pool.Balances.ToArray());
        Assert.Equal(Units("800"), stable.Balance("carol", pool.LpAsset));
        Assert.Equal(BigInteger.Pow(10, 18), StablePools.VirtualPrice(stable.Chain.State, pool));
        stable.AssertConserved();
    }

    [Fact]
    public void Exchange_PaysExactlyGetDy_ChargesTheFee_AndPaysTheAdminShareToTheTreasury()
    {
        var stable = Create();
        var dx = Units("25");
        var math = stable.Math();
        var expected = StableSwapMath.GetDy(math, 0, 1, dx.ToBigInteger());
        var outcome = StableSwapMath.Exchange(math, 0, 1, dx.ToBigInteger(), 0);
        var (usdf, fsh, treasury) = (stable.Balance("alice", AssetId.Usdf), stable.Balance("alice", AssetId.Fsh), stable.Treasury(AssetId.Usdf));

        var events = stable.Ok("alice", new StableExchangePayload(PoolId, 0, 1, dx, Amount.Zero));

        Assert.Equal(expected, (stable.Balance("alice", AssetId.Usdf) - usdf).ToBigInteger());
        Assert.Equal(dx + TestChain.MinFee, fsh - stable.Balance("alice", AssetId.Fsh));
        Assert.Equal(outcome.AdminFee, (stable.Treasury(AssetId.Usdf) - treasury).ToBigInteger());
        Assert.True(outcome.AdminFee > 0);
        var fee = Assert.Single(events, e => e.Tag == FlowTag.SwapFee);
        Assert.Equal(AssetId.Usdf, fee.Asset);
        Assert.True(fee.Amount.ToBigInteger() >= 2 * outcome.AdminFee);
        Assert.Single(events, e => e.Tag == FlowTag.ProtocolFee && e.Asset == AssetId.Usdf);
        Assert.Equal(outcome.Pool.Balances, stable.Pool().Balances.Select(b => b.ToBigInteger()));
        stable.AssertConserved();
    }

    [Fact]
    public void BalancedDeposit_ThenWithdrawal_ReturnsTheDepositLessRounding()
    {
        var stable = Create();
        var (fsh, usdf) = (stable.Balance("bob", AssetId.Fsh), stable.Balance("bob", AssetId.Usdf));
        var lp = stable.Pool().LpAsset;
        stable.Ok("bob", new StableAddLiquidityPayload(PoolId, [Units("10"), Units("10")], Units("19.99")));
        var shares = stable.Balance("bob", lp);
        stable.Ok("bob", new StableRemoveLiquidityPayload(PoolId, shares, [Units("9.99"), Units("9.99")]));

        Assert.True(stable.Balance("bob", lp).IsZero);
        var fshLost = fsh - stable.Balance("bob", AssetId.Fsh) - TestChain.MinFee * new Amount(2);
        var usdfLost = usdf - stable.Balance("bob", AssetId.Usdf);
        Assert.True(fshLost <= new Amount(2), $"lost {fshLost} FSH base units");
        Assert.True(usdfLost <= new Amount(2), $"lost {usdfLost} USDF base units");
        stable.AssertConserved();
    }

    [Fact]
    public void ImbalancedDeposit_PaysTheAdminShareOfTheImbalanceFee()
    {
        var stable = Create();
        var treasury = stable.Treasury(AssetId.Usdf);
        var deposit = StableSwapMath.AddLiquidity(stable.Math(), [0, Units("50").ToBigInteger()], 0);
        stable.Ok("bob", new StableAddLiquidityPayload(PoolId, [Amount.Zero, Units("50")], Amount.Zero));

        Assert.Equal(deposit.MintAmount, stable.Balance("bob", stable.Pool().LpAsset).ToBigInteger());
        var adminShare = deposit.Fees[1] * 5_000_000_000 / StableSwapMath.FeeDenominator;
        Assert.Equal(adminShare, (stable.Treasury(AssetId.Usdf) - treasury).ToBigInteger());
        stable.AssertConserved();
    }

    [Fact]
    public void RemoveOneCoin_PaysExactlyTheMathsAmount()
    {
        var stable = Create();
        var lpAmount = Units("100");
        var withdrawal = StableSwapMath.RemoveLiquidityOneCoin(stable.Math(), lpAmount.ToBigInteger(), 1, 0);
        var usdf = stable.Balance("carol", AssetId.Usdf);
        stable.Ok("carol", new StableRemoveOneCoinPayload(PoolId, lpAmount, 1, Amount.Zero));

        Assert.Equal(withdrawal.Dy, (stable.Balance("carol", AssetId.Usdf) - usdf).ToBigInteger());
        Assert.Equal(Units("700"), stable.Balance("carol", stable.Pool().LpAsset));
        stable.AssertConserved();
    }

    [Fact]
    public void ThreeCoinPool_TradesBetweenAnyTwoCoins()
    {
        var stable = Create(withPool: false);
        stable.Ok("alice", new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Units("300"), Units("300"), Amount.Zero, Amount.Zero));
        var lp = AmmPools.Find(stable.Chain.State, AssetId.Fsh, AssetId.Usdf)!.LpAsset;
        stable.Ok("alice", new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf, lp], 200));
        Assert.Equal("SS-FSH-USDF-LP-FSH-USDF", stable.Chain.State.FindAsset(stable.Pool().LpAsset)!.Symbol);
        stable.Ok("alice", new StableAddLiquidityPayload(PoolId, [Units("100"), Units("100"), Units("100")], Amount.Zero));
        var expected = StableSwapMath.GetDy(stable.Math(), 2, 0, Units("10").ToBigInteger());
        var fsh = stable.Balance("alice", AssetId.Fsh);
        stable.Ok("alice", new StableExchangePayload(PoolId, 2, 0, Units("10"), Amount.Zero));
        Assert.Equal(expected, (stable.Balance("alice", AssetId.Fsh) - fsh + TestChain.MinFee).ToBigInteger());
        stable.AssertConserved();
    }

    [Fact]
    public void SlippageLimits_AreRefused_AndChangeNothing()
    {
        var stable = Create();
        var dx = Units("5");
        var dy = StableSwapMath.GetDy(stable.Math(), 1, 0, dx.ToBigInteger());
        stable.Refused("bob", new StableExchangePayload(PoolId, 1, 0, dx, AmountOf(dy + 1)), ResultCode.StableSlippage);
        stable.Ok("bob", new StableExchangePayload(PoolId, 1, 0, dx, AmountOf(dy)));
        stable.Refused("bob", new StableAddLiquidityPayload(PoolId, [Units("1"), Units("1")], Units("3")), ResultCode.StableSlippage);
        stable.Refused("carol", new StableRemoveLiquidityPayload(PoolId, Units("10"), [Units("6"), Amount.Zero]), ResultCode.StableSlippage);
        stable.Refused("carol", new StableRemoveOneCoinPayload(PoolId, Units("10"), 0, Units("11")), ResultCode.StableSlippage);
    }

    [Fact]
    public void BadIndicesAndBadInput_AreRefusedWithTheirCodes_AndChangeNothing()
    {
        var stable = Create();
        stable.Refused("bob", new StableExchangePayload(PoolId, 2, 0, Units("1"), Amount.Zero), ResultCode.StableBadCoinIndex);
        stable.Refused("bob", new StableExchangePayload(PoolId, 0, 2, Units("1"), Amount.Zero), ResultCode.StableBadCoinIndex);
        stable.Refused("bob", new StableExchangePayload(PoolId, 1, 1, Units("1"), Amount.Zero), ResultCode.StableSameCoin);
        stable.Refused("bob", new StableExchangePayload(PoolId, 0, 1, Amount.Zero, Amount.Zero), ResultCode.ZeroAmount);
        stable.Refused("bob", new StableExchangePayload(9, 0, 1, Units("1"), Amount.Zero), ResultCode.PoolNotFound);
        stable.Refused("carol", new StableRemoveOneCoinPayload(PoolId, Units("1"), 5, Amount.Zero), ResultCode.StableBadCoinIndex);
        stable.Refused("bob", new StableAddLiquidityPayload(PoolId, [Units("1")], Amount.Zero), ResultCode.StableBadAmountCount);
        stable.Refused("carol", new StableRemoveLiquidityPayload(PoolId, Units("1"), [Amount.Zero]), ResultCode.StableBadAmountCount);
        stable.Refused("bob", new StableRemoveLiquidityPayload(PoolId, Units("1"), [Amount.Zero, Amount.Zero]), ResultCode.InsufficientBalance);
        stable.Refused("bob", new StableAddLiquidityPayload(PoolId, [Units("5000"), Units("1")], Amount.Zero), ResultCode.InsufficientBalance);
        stable.Refused("bob", new StableAddLiquidityPayload(PoolId, [Amount.Zero, Amount.Zero], Amount.Zero), ResultCode.StableInvariantNotIncreased);
        stable.Refused("bob", new StableCreatePoolPayload([AssetId.Usdf, AssetId.Fsh], 0), ResultCode.PoolExists);
        stable.Refused("bob", new StableCreatePoolPayload([AssetId.Usdf], 0), ResultCode.StableBadCoinCount);
        stable.Refused("bob", new StableCreatePoolPayload([AssetId.Usdf, AssetId.Usdf], 0), ResultCode.SameAsset);
        stable.Refused("bob", new StableCreatePoolPayload([AssetId.Usdf, new AssetId(77)], 0), ResultCode.UnknownAsset);
        stable.Refused("bob", new StableCreatePoolPayload([AssetId.Usdf, stable.Pool().LpAsset], StableParams.MaxA + 1), ResultCode.StableBadAmplification);
    }

    [Fact]
    public void AnEmptyPool_RefusesTrades_AndAFirstDepositWithoutEveryCoin()
    {
        var stable = Create(seeded: false);
        stable.Refused("bob", new StableExchangePayload(PoolId, 0, 1, Units("1"), Amount.Zero), ResultCode.StableEmptyPool);
        stable.Refused("bob", new StableAddLiquidityPayload(PoolId, [Units("1"), Amount.Zero], Amount.Zero), ResultCode.StableInitialDepositNeedsAllCoins);
    }

    public static TheoryData<TxPayload> Payloads() =>
    [
        new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf, new AssetId(9)], 250),
        new StableAddLiquidityPayload(3, [Units("1"), Amount.One], new Amount(7)),
        new StableRemoveLiquidityPayload(4, Units("2"), [Amount.Zero, Amount.One, Amount.MaxValue]),
        new StableRemoveOneCoinPayload(5, Units("3"), 2, new Amount(8)),
        new StableExchangePayload(6, 1, 0, Units("4"), new Amount(9)),
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payloads_RoundTrip(TxPayload payload)
    {
        var chain = TestChain.Create();
        var tx = chain.Sign("alice", payload);
        Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(tx.Encoded, out var decoded));
        Assert.Equal(tx.Body, decoded!.Body);
    }

    [Fact]
    public void AFourCoinList_DoesNotDecode()
    {
        var tx = TestChain.Create().Sign("alice", new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf, new AssetId(2), new AssetId(3)], 0));
        Assert.Equal(ResultCode.TooManyItems, TransactionCodec.TryDecode(tx.Encoded, out _));
    }
}
