using System.Numerics;
using Fairshare.Conformance.Reference;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Modules.StableSwap;

namespace Fairshare.Core.Tests.Modules;

public sealed class StableSwapMathTests
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);
    private static readonly BigInteger E12 = BigInteger.Pow(10, 12);

    private static string RevertOf(Action action) => Assert.Throws<RevertException>(action).Error;

    /// <summary>An empty 3-coin pool (18, 6, 6 decimals), A = 720, fee 0.04%, admin fee 50%.</summary>
    private static StableSwapPool EmptyThreePool() => new([0, 0, 0], [1, E12, E12], 72_000, 4_000_000, 5_000_000_000, 0);

    [Fact]
    public void InitialDepositOfOneCoinEach_MintsNTimes1e18()
    {
        // curve tests/pools/common/unitary/test_add_liquidity_initial.py (defi-math.md §9): LP = n · 1e18, min 2e18 passes.
        var deposit = StableSwapMath.AddLiquidity(EmptyThreePool(), [E18, 1_000_000, 1_000_000], 2 * E18);

        Assert.Equal(3 * E18, deposit.MintAmount);
        Assert.Equal(3 * E18, deposit.D1);
        Assert.Equal(3 * E18, deposit.Pool.TokenSupply);
        Assert.Equal([E18, 1_000_000, 1_000_000], deposit.Pool.Balances);
        Assert.All(deposit.Fees, fee => Assert.Equal(BigInteger.Zero, fee));
    }

    [Fact]
    public void InitialDepositMissingACoin_Reverts()
    {
        Assert.Equal("INITIAL_DEPOSIT_REQUIRES_ALL_COINS",
            RevertOf(() => StableSwapMath.AddLiquidity(EmptyThreePool(), [E18, 0, 1_000_000], 0)));
    }

    [Fact]
    public void Exchange_PaysWhatGetDyQuotes_AndKeepsTheAdminFeeOutOfThePool()
    {
        // Vector pub-0183: the exchange result equals get_dy (upstream test_min_dy).
        var pool = new StableSwapPool([BigInteger.Parse("3685066025316673503887360"), BigInteger.Parse("3607085292699959829725184")],
            [1, 1], 200_000, 30_000_000, 5_000_000_000, 0);
        var dx = BigInteger.Parse("2310713367042741269168129");

        var quote = StableSwapMath.GetDy(pool, 0, 1, dx);
        var exchange = StableSwapMath.Exchange(pool, 0, 1, dx, quote);

        Assert.Equal(BigInteger.Parse("2302493482842800727776643"), quote);
        Assert.Equal(quote, exchange.Dy);
        Assert.Equal(BigInteger.Parse("3464132622130592870275"), exchange.AdminFee);
        Assert.Equal(pool.Balances[0] + dx, exchange.Pool.Balances[0]);
        Assert.Equal(pool.Balances[1] - exchange.Dy - exchange.AdminFee, exchange.Pool.Balances[1]);
        Assert.Equal(BigInteger.Parse("3685066025316673503887360"), pool.Balances[0]); // the input pool is not mutated
        Assert.Equal("SLIPPAGE", RevertOf(() => StableSwapMath.Exchange(pool, 0, 1, dx, quote + 1)));
    }

    [Fact]
    public void Invariant_Reverts_OnAZeroBalanceAndOnNoConvergence()
    {
        Assert.Equal(BigInteger.Zero, StableSwapInvariant.GetD([0, 0], 10_000));
        Assert.Equal("DIVISION_BY_ZERO", RevertOf(() => StableSwapInvariant.GetD([0, E18], 10_000)));
        Assert.Equal("NO_CONVERGENCE", RevertOf(() => StableSwapInvariant.GetD([1_000_000_000, 9, 6_000_000], 100)));
    }

    [Fact]
    public void LegacyInvariant_ReturnsTheLastIterate_InsteadOfReverting()
    {
        var solution = LegacyStableSwapInvariant.GetD([1_000_000_000, 9, 6_000_000], 1);

        Assert.Equal(new NewtonSolution(8_133_611, false), solution);
        // On a slowly converging case (79 iterations) the two variants agree: amp 200 (precise) is A = 2.
        var template = StableSwapInvariant.GetD([BigInteger.Parse("3000000000000000000000000"), 8], 200);
        Assert.Equal(BigInteger.Parse("104829654857468454"), template);
        Assert.Equal(new NewtonSolution(template, true), LegacyStableSwapInvariant.GetD([BigInteger.Parse("3000000000000000000000000"), 8], 2));
    }

    [Fact]
    public void GetY_ChecksTheSameCoin_BeforeTheIndices()
    {
        Assert.Equal("SAME_COIN", RevertOf(() => StableSwapInvariant.GetY(5, 5, 10, [10, 10], 100)));
        Assert.Equal("INDEX_OUT_OF_RANGE", RevertOf(() => StableSwapInvariant.GetY(0, 2, 10, [10, 10], 100)));
        Assert.Equal("INDEX_OUT_OF_RANGE", RevertOf(() => StableSwapInvariant.GetYD(100, -1, [10, 10], 20)));
    }

    [Fact]
    public void Amplification_RampsLinearly_AndStopsAtTheFutureValue()
    {
        var up = new AmplificationRamp(1000, 8500, 1_667_261_533, 1_667_866_333);
        Assert.Equal(new BigInteger(7604), up.PreciseAt(1_667_794_101));
        Assert.Equal(new BigInteger(76), up.At(1_667_794_101));
        Assert.Equal(new BigInteger(8500), up.PreciseAt(1_667_866_333));

        var down = new AmplificationRamp(25_500, 8500, 1_667_261_533, 1_667_520_733);
        Assert.Equal(new BigInteger(19_833), down.PreciseAt(1_667_347_950));
    }
}
