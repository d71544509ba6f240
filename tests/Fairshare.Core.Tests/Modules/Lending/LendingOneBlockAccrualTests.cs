using System.Numerics;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Tests.Modules.Lending.LendingChain;

namespace Fairshare.Core.Tests.Modules.Lending;

/// <summary>
/// <c>accrueInterest</c> (defi-math.md §3.5) short-circuits only when <c>block_delta == 0</c>: one block later, one
/// block of interest accrues. The expectations are the spec's formulas worked by hand, never the math under test.
/// </summary>
public sealed class LendingOneBlockAccrualTests
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    [Fact]
    public void AccrueInterest_OverExactlyOneBlock_AddsOneBlockOfInterest_CompoundVector()
    {
        // accrueInterestTest.js's success case: rate 1e12 per block, borrows 1e22, reserves 1e20, index 1e18, reserve factor 1e17.
        // sif = 1e12 · 1 = 1e12; interest = 1e12 · 1e22 / 1e18 = 1e16; reserves += 1e17 · 1e16 / 1e18 = 1e15; index += 1e12.
        var before = new MarketInterest(BigInteger.Pow(10, 22), BigInteger.Pow(10, 20), E18);
        var accrual = CompoundV2Math.AccrueInterest(before, BigInteger.Pow(10, 17), BigInteger.Pow(10, 12), BigInteger.One);
        Assert.Equal(BigInteger.Pow(10, 16), accrual.InterestAccumulated);
        Assert.Equal(new MarketInterest(BigInteger.Pow(10, 22) + BigInteger.Pow(10, 16), BigInteger.Pow(10, 20) + BigInteger.Pow(10, 15),
            E18 + BigInteger.Pow(10, 12)), accrual.Market);
    }

    [Theory]
    [InlineData(0, "0", "123456789000000000000", "5000000000000000", "1234567890123456789")]
    [InlineData(1, "246913578864", "123456789246913578864", "5000024691357886", "1234567892592592577")]
    [InlineData(2, "493827157728", "123456789493827157728", "5000049382715772", "1234567895061728366")]
    public void AccrueInterest_TruncatesEachStep_AtDeltaZeroOneAndTwo(int delta, string interest, string borrows, string reserves, string index)
    {
        // Worked by hand from §3.5: rate 2,000,000,007; borrows 123456789e12; reserves 5e15; index 1234567890123456789; rf 10%.
        // Δ = 1: sif = 2000000007; interest = ⌊2000000007 · 123456789e12 / 1e18⌋ = 246913578864;
        // reserves = ⌊1e17 · 246913578864 / 1e18⌋ + 5e15 = 24691357886 + 5e15; index = ⌊2000000007 · 1234567890123456789 / 1e18⌋ + index.
        var before = new MarketInterest(BigInteger.Parse("123456789000000000000"), BigInteger.Parse("5000000000000000"), BigInteger.Parse("1234567890123456789"));
        var accrual = CompoundV2Math.AccrueInterest(before, BigInteger.Pow(10, 17), 2_000_000_007, delta);
        Assert.Equal(BigInteger.Parse(interest), accrual.InterestAccumulated);
        Assert.Equal(new MarketInterest(BigInteger.Parse(borrows), BigInteger.Parse(reserves), BigInteger.Parse(index)), accrual.Market);
    }

    [Fact]
    public void OneBlockAfterABorrow_TheNextTouchAccruesOneBlockOfInterest()
    {
        var l = Create();
        l.Ok("bob", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        l.Ok("bob", new LendBorrowPayload(AssetId.Usdf, Units("50")));
        var before = l.Market(AssetId.Usdf);
        ulong borrowHeight = l.Chain.State.Head.Height;
        Assert.Equal(borrowHeight, before.AccrualBlockNumber);
        Assert.Equal(Units("50").ToBigInteger(), before.TotalBorrows);

        // The borrow rate for the state the next block starts from, by hand (JumpRateModelV2, below the kink):
        // utilisation = borrows · 1e18 / (cash + borrows − reserves); rate = utilisation · multiplier / 1e18 + base.
        var model = before.Risk.RateModel;
        var cash = LendingMarkets.Cash(l.Chain.State, before);
        var utilisation = before.TotalBorrows * E18 / (cash + before.TotalBorrows - before.TotalReserves);
        Assert.True(utilisation <= model.Kink);
        var rate = utilisation * model.MultiplierPerBlock / E18 + model.BaseRatePerBlock;
        Assert.True(rate > 0);

        // §3.5 with block_delta = 1.
        var interest = rate * before.TotalBorrows / E18;
        var expectedBorrows = before.TotalBorrows + interest;
        var expectedReserves = before.Risk.ReserveFactor * interest / E18 + before.TotalReserves;
        var expectedIndex = rate * before.BorrowIndex / E18 + before.BorrowIndex;
        Assert.True(interest > 0 && expectedIndex > before.BorrowIndex);

        // Exactly one block later, carol touches the market (a supply accrues it first).
        l.Ok("carol", new LendSupplyPayload(AssetId.Usdf, Units("1")));
        var after = l.Market(AssetId.Usdf);
        Assert.Equal(borrowHeight + 1, l.Chain.State.Head.Height);
        Assert.Equal(borrowHeight + 1, after.AccrualBlockNumber);
        Assert.Equal(expectedBorrows, after.TotalBorrows);
        Assert.Equal(expectedReserves, after.TotalReserves);
        Assert.Equal(expectedIndex, after.BorrowIndex);
        Assert.NotEqual(before.TotalBorrows, after.TotalBorrows);
        Assert.NotEqual(before.BorrowIndex, after.BorrowIndex);

        // Bob now owes his principal grown by the one block's index: 50e18 · index' / index.
        var owed = CompoundV2Math.BorrowBalanceStored(LendingMarkets.Borrow(l.Chain.State, AssetId.Usdf, l.Address("bob")).Snapshot, after.BorrowIndex);
        Assert.Equal(Units("50").ToBigInteger() * expectedIndex / before.BorrowIndex, owed);
        Assert.True(owed > Units("50").ToBigInteger());
    }
}
