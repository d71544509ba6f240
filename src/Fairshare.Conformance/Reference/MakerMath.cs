using System.Numerics;
using Fairshare.Core.Modules.Stability;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Conformance.Reference;

/// <summary>
/// MakerDAO dss math exactly as <c>defi-math.md</c> §7 (Jug, Spotter, Vat, Dog at the §0.4 commit): checked uint256 /
/// int256 arithmetic in the contracts' evaluation order, with their reverts. Units: wad 1e18, ray 1e27, rad 1e45.
/// </summary>
public static class MakerMath
{
    /// <summary><c>Jug/invalid-now</c>: drip called with <c>now &lt; rho</c>.</summary>
    public const string JugInvalidNow = "JUG_INVALID_NOW";

    /// <summary><c>Vat/ilk-not-init</c>: the ilk's rate is zero.</summary>
    public const string IlkNotInit = "ILK_NOT_INIT";

    /// <summary><c>Vat/ceiling-exceeded</c>.</summary>
    public const string CeilingExceeded = "CEILING_EXCEEDED";

    /// <summary><c>Vat/not-safe</c>.</summary>
    public const string NotSafe = "NOT_SAFE";

    /// <summary><c>Vat/dust</c>.</summary>
    public const string Dust = "DUST";

    /// <summary><c>Dog/not-unsafe</c>: the vault may not be liquidated.</summary>
    public const string NotUnsafe = "NOT_UNSAFE";

    /// <summary><c>Dog/liquidation-limit-hit</c>.</summary>
    public const string LiquidationLimitHit = "LIQUIDATION_LIMIT_HIT";

    /// <summary><c>Dog/dusty-auction-from-partial-liquidation</c>.</summary>
    public const string DustyAuctionFromPartialLiquidation = "DUSTY_AUCTION_FROM_PARTIAL_LIQUIDATION";

    /// <summary><c>Dog/null-auction</c>.</summary>
    public const string NullAuction = "NULL_AUCTION";

    /// <summary><c>Dog/overflow</c>: dart or dink above 2^255.</summary>
    public const string DogOverflow = "DOG_OVERFLOW";

    private static readonly BigInteger TwoTo255 = BigInteger.One << 255;

    /// <summary>
    /// §7.1 <c>Jug._rpow</c>: x^n in base <paramref name="b"/> by squaring, each product rounded half up. EVM semantics:
    /// a product or rounding add at or above 2^256 reverts <c>MATH_OVERFLOW</c>; division by a zero base yields 0.
    /// </summary>
    public static BigInteger Rpow(BigInteger x, BigInteger n, BigInteger b)
    {
        if (x.IsZero) return n.IsZero ? b : BigInteger.Zero;
        var z = n.IsEven ? b : x;
        var half = b / 2;
        for (n /= 2; !n.IsZero; n /= 2)
        {
            var xx = Mul(x, x);
            x = EvmDiv(Add(xx, half), b);
            if (!n.IsEven)
            {
                var zx = Mul(z, x);
                z = EvmDiv(Add(zx, half), b);
            }
        }

        return z;
    }

    /// <summary>§7.1 <c>Jug._rmul</c>: <c>x · y / 1e27</c>, the product checked.</summary>
    public static BigInteger Rmul(BigInteger x, BigInteger y) => Div(Mul(x, y), Ray);

    /// <summary>
    /// §7.2 <c>Jug.drip</c> + <c>Vat.fold</c>: compounds <c>base + duty</c> per second from <paramref name="rho"/> to
    /// <paramref name="now"/> into the rate accumulator and reports the fees minted on <paramref name="artTotal"/>.
    /// </summary>
    public static DripResult Drip(BigInteger rate, BigInteger @base, BigInteger duty, BigInteger now, BigInteger rho, BigInteger artTotal)
    {
        Require(now >= rho, JugInvalidNow);
        var next = Rmul(Rpow(Add(@base, duty), now - rho, Ray), rate);
        Require(next < TwoTo255 && rate < TwoTo255, Overflow);
        var delta = next - rate;
        var folded = AddSigned(rate, delta);
        var minted = MulSigned(artTotal, delta);
        return new DripResult(folded, delta, minted);
    }

    /// <summary>
    /// §7.3 <c>Spotter.poke</c>: <c>((val · 1e9) · 1e27 / par) · 1e27 / mat</c> (ray), or 0 when the feed has no
    /// value.
    /// </summary>
    /// <param name="val">Feed price, wad.</param>
    /// <param name="par">DAI target price, ray.</param>
    /// <param name="mat">Liquidation ratio, ray.</param>
    /// <param name="has">Whether the feed has a valid value.</param>
    public static BigInteger SpotPoke(BigInteger val, BigInteger par, BigInteger mat, bool has)
    {
        if (!has) return BigInteger.Zero;
        var perPar = Div(Mul(Mul(val, BigInteger.Pow(10, 9)), Ray), par);
        return Div(Mul(perPar, Ray), mat);
    }

    /// <summary>§7.4: the vault's debt and collateral value (both rad) and whether it passes the liquidation-ratio test.</summary>
    public static UrnHealth UrnStatus(MakerUrn urn, BigInteger rate, BigInteger spot)
    {
        var tab = Mul(urn.Art, rate);
        var value = Mul(urn.Ink, spot);
        return new UrnHealth(tab, value, tab <= value);
    }

    /// <summary>
    /// §7.5 <c>Vat.frob</c> math (permissions assumed granted): locks <paramref name="dink"/> collateral and draws
    /// <paramref name="dart"/> normalised debt (both int256), checking ceilings, safety and dust in the contract's order.
    /// Both ceiling products and the safety product are always evaluated, so their overflow reverts even when the
    /// condition would not be needed.
    /// </summary>
    /// <param name="urn">The vault before the change.</param>
    /// <param name="ilk">The ilk before the change.</param>
    /// <param name="debt">Global debt, rad.</param>
    /// <param name="globalLine">Global debt ceiling (<c>Line</c>), rad.</param>
    /// <param name="dink">Collateral change, int256.</param>
    /// <param name="dart">Normalised debt change, int256.</param>
    public static FrobResult Frob(MakerUrn urn, VatIlk ilk, BigInteger debt, BigInteger globalLine, BigInteger dink, BigInteger dart)
    {
        Require(!ilk.Rate.IsZero, IlkNotInit);
        var ink = AddSigned(urn.Ink, dink);
        var art = AddSigned(urn.Art, dart);
        var ilkArt = AddSigned(ilk.Art, dart);

        var dtab = MulSigned(ilk.Rate, dart);
        var tab = Mul(ilk.Rate, art);
        var newDebt = AddSigned(debt, dtab);

        var ilkDebtUnderLine = Mul(ilkArt, ilk.Rate) <= ilk.Line;
        var ceilingOk = ilkDebtUnderLine && newDebt <= globalLine;
        Require(dart.Sign <= 0 || ceilingOk, CeilingExceeded);

        var lessRisky = dart.Sign <= 0 && dink.Sign >= 0;
        var safe = tab <= Mul(ink, ilk.Spot);
        Require(lessRisky || safe, NotSafe);

        Require(art.IsZero || tab >= ilk.Dust, Dust);
        return new FrobResult(new MakerUrn(ink, art), ilkArt, newDebt, tab, dtab);
    }

    /// <summary>
    /// §7.6 <c>Dog.bark</c>: liquidates an unsafe vault, as much as the global and per-ilk room allows, never leaving a
    /// dusty remnant (the whole vault goes when the remainder would be dusty, which may exceed the hole).
    /// </summary>
    /// <param name="urn">The vault.</param>
    /// <param name="rate">The ilk's rate accumulator, ray.</param>
    /// <param name="spot">The ilk's spot price, ray.</param>
    /// <param name="dust">The ilk's dust, rad.</param>
    /// <param name="limits">Penalty, holes and dirts.</param>
    public static BarkResult Bark(MakerUrn urn, BigInteger rate, BigInteger spot, BigInteger dust, LiquidationLimits limits)
    {
        var (ink, art) = (urn.Ink, urn.Art);
        Require(spot.Sign > 0 && Mul(ink, spot) < Mul(art, rate), NotUnsafe);
        Require(limits.GlobalHole > limits.GlobalDirt && limits.Hole > limits.Dirt, LiquidationLimitHit);
        var room = BigInteger.Min(limits.GlobalHole - limits.GlobalDirt, limits.Hole - limits.Dirt);

        var dart = BigInteger.Min(art, Div(Div(Mul(room, Wad), rate), limits.Chop));
        if (art > dart)
        {
            if (Mul(art - dart, rate) < dust) dart = art;
            else Require(Mul(dart, rate) >= dust, DustyAuctionFromPartialLiquidation);
        }

        var dink = Div(Mul(ink, dart), art);
        Require(dink.Sign > 0, NullAuction);
        Require(dart <= TwoTo255 && dink <= TwoTo255, DogOverflow);

        var due = Mul(dart, rate);
        var tab = Div(Mul(due, limits.Chop), Wad);
        var dirt = Add(limits.Dirt, tab);
        var globalDirt = Add(limits.GlobalDirt, tab);
        return new BarkResult(dart, dink, due, tab, new MakerUrn(ink - dink, art - dart), globalDirt, dirt);
    }

    /// <summary>Vat <c>_add(uint, int)</c>: a uint256 plus an int256, reverting below 0 or at 2^256.</summary>
    private static BigInteger AddSigned(BigInteger x, BigInteger y) => U256(x + y);

    /// <summary>Vat <c>_mul(uint, int)</c>: x must fit int256 and so must the product, else <c>MATH_OVERFLOW</c>.</summary>
    private static BigInteger MulSigned(BigInteger x, BigInteger y)
    {
        I256(x);
        return I256(x * y);
    }

    /// <summary>EVM <c>div</c>: floor division where a zero divisor yields 0 (assembly, no revert).</summary>
    private static BigInteger EvmDiv(BigInteger a, BigInteger b) => b.IsZero ? BigInteger.Zero : a / b;
}
