using System.Numerics;
using Fairshare.Conformance.Reference;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Modules.Stability;

namespace Fairshare.Core.Tests.Modules;

public sealed class MakerMathTests
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly BigInteger Ray = BigInteger.Pow(10, 27);
    private static readonly BigInteger Rad = BigInteger.Pow(10, 45);

    /// <summary>5% per day, per second (dss jug.t.sol).</summary>
    private static readonly BigInteger FivePercentADay = BigInteger.Parse("1000000564701133626865910626");

    private static string Revert(Action action) => Assert.Throws<RevertException>(action).Error;

    [Theory]
    [InlineData(1, "5000000000000000000")]
    [InlineData(2, "10250000000000000000")]
    [InlineData(3, "15762500000000000000")]
    public void Drip_CompoundsPerSecond_AsInJugTests(int days, string daiWad)
    {
        // jug.t.sol test_drip_{1,2,3}d: 100 wad of debt at 5%/day; the vow gets 5, 10.25, 15.7625 DAI.
        var now = 604411200 + 86400 * days;
        var drip = MakerMath.Drip(Ray, 0, FivePercentADay, now, 604411200, 100 * Wad);
        Assert.Equal(BigInteger.Parse(daiWad), drip.DaiMinted / Ray);
        Assert.Equal(drip.Rate - Ray, drip.RateDelta);
        Assert.Equal(drip.RateDelta * 100 * Wad, drip.DaiMinted);
    }

    [Fact]
    public void Drip_ReportsNegativeRatesAndRejectsTimeTravel()
    {
        var drip = MakerMath.Drip(Ray, 0, Ray - 1000, 10, 0, Wad);
        Assert.True(drip.RateDelta.Sign < 0);
        Assert.True(drip.DaiMinted.Sign < 0);
        Assert.Equal("JUG_INVALID_NOW", Revert(() => MakerMath.Drip(Ray, 0, Ray, 9, 10, 1)));
    }

    [Fact]
    public void Rpow_RoundsHalfUp_AndRevertsOnOverflow()
    {
        // jug.t.sol test_rpow: ≈ 2.397991232255757e27 (ten significant digits agree).
        var z = MakerMath.Rpow(BigInteger.Parse("1000234891009084238901289093"), 3724, Ray);
        Assert.Equal(BigInteger.Parse("2397991232254682910951344872"), z);
        Assert.Equal(BigInteger.Parse("2397991232"), z / BigInteger.Pow(10, 18));
        Assert.Equal(Ray, MakerMath.Rpow(0, 0, Ray));
        Assert.Equal(BigInteger.Zero, MakerMath.Rpow(0, 5, Ray));
        Assert.Equal(Checked.Overflow, Revert(() => MakerMath.Rpow(2 * Ray, 300, Ray)));
    }

    [Fact]
    public void SpotPoke_DividesByParThenMat()
    {
        var spot = MakerMath.SpotPoke(BigInteger.Parse("27887207287256670210"), Ray, Ray * 3 / 2, has: true);
        Assert.Equal(BigInteger.Parse("18591471524837780140000000000"), spot);
        Assert.Equal(BigInteger.Zero, MakerMath.SpotPoke(1, Ray, 0, has: false));
        Assert.Equal(Checked.DivisionByZero, Revert(() => MakerMath.SpotPoke(1, Ray, 0, has: true)));
    }

    [Fact]
    public void Frob_ChecksSafetyBeforeDust()
    {
        var ilk = new VatIlk(0, Ray, 2 * Ray, 1000 * Rad, 10 * Rad);
        var empty = new MakerUrn(0, 0);
        var ok = MakerMath.Frob(empty, ilk, 0, 1000 * Rad, 10 * Wad, 20 * Wad);
        Assert.Equal(new MakerUrn(10 * Wad, 20 * Wad), ok.Urn);
        Assert.Equal(20 * Rad, ok.Tab);
        Assert.Equal(20 * Rad, ok.Debt);
        Assert.Equal("NOT_SAFE", Revert(() => MakerMath.Frob(empty, ilk, 0, 1000 * Rad, 10 * Wad, 20 * Wad + 1)));
        Assert.Equal("DUST", Revert(() => MakerMath.Frob(empty, ilk, 0, 1000 * Rad, 10 * Wad, Wad)));
        Assert.Equal(Checked.Underflow, Revert(() => MakerMath.Frob(ok.Urn, ilk with { Art = 20 * Wad }, ok.Debt, 1000 * Rad, -10 * Wad - 1, 0)));
    }

    [Fact]
    public void Bark_TakesTheWholeVaultRatherThanLeaveDust()
    {
        // dog.t.sol test_bark_partial_liquidation_dirt_exceeds_hole_to_avoid_dusty_remnant.
        var urn = new MakerUrn(Wad, BigInteger.Parse("4745454545454545454544"));
        var limits = new LiquidationLimits(Wad * 11 / 10, 10_000 * Rad, 0, 5_000 * Rad, 0);
        var bark = MakerMath.Bark(urn, Ray, 1000 * Ray, 200 * Rad, limits);
        Assert.Equal(urn.Art, bark.Dart);
        Assert.Equal(urn.Ink, bark.Dink);
        Assert.Equal(new MakerUrn(0, 0), bark.Urn);
        Assert.True(bark.Dirt > limits.Hole);
        Assert.Equal(BigInteger.Parse("5219999999999999999998400000000000000000000000000"), bark.Tab);
        Assert.Equal("NOT_UNSAFE", Revert(() => MakerMath.Bark(urn with { Ink = 10 * Wad }, Ray, 1000 * Ray, 200 * Rad, limits)));
    }
}
