using Fairshare.Conformance.Reference;
using Fairshare.Core.Modules.Stability;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>maker_dss</c> operations of defi-math.md §7.</summary>
public sealed class MakerDssOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "maker_dss";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["rpow"] = v => [new("z", Out(MakerMath.Rpow(v.Uint("x"), v.Uint("n"), v.Uint("b"))))],
            ["rmul"] = v => [new("z", Out(MakerMath.Rmul(v.Uint("x"), v.Uint("y"))))],
            ["drip"] = v =>
            {
                var d = MakerMath.Drip(v.Uint("rate"), v.Uint("base"), v.Uint("duty"), v.Uint("now"), v.Uint("rho"), v.Uint("art_total"));
                return [new("rate", Out(d.Rate)), new("rate_delta", Out(d.RateDelta)), new("dai_minted", Out(d.DaiMinted))];
            },
            ["spot_poke"] = v => [new("spot", Out(MakerMath.SpotPoke(v.Uint("val"), v.Uint("par"), v.Uint("mat"), v.Flag("has"))))],
            ["urn_status"] = v =>
            {
                var s = MakerMath.UrnStatus(new MakerUrn(v.Uint("ink"), v.Uint("art")), v.Uint("rate"), v.Uint("spot"));
                return [new("tab", Out(s.Tab)), new("collateral_value", Out(s.CollateralValue)), new("safe", Out(s.Safe))];
            },
            ["frob"] = v =>
            {
                var ilk = new VatIlk(v.Uint("ilk_art"), v.Uint("rate"), v.Uint("spot"), v.Uint("line"), v.Uint("dust"));
                var f = MakerMath.Frob(new MakerUrn(v.Uint("ink"), v.Uint("art")), ilk, v.Uint("debt"), v.Uint("global_line"), v.Int("dink"), v.Int("dart"));
                return [new("ink", Out(f.Urn.Ink)), new("art", Out(f.Urn.Art)), new("ilk_art", Out(f.IlkArt)), new("debt", Out(f.Debt)),
                    new("tab", Out(f.Tab)), new("dtab", Out(f.Dtab))];
            },
            ["bark"] = v =>
            {
                var limits = new LiquidationLimits(v.Uint("chop"), v.Uint("global_hole"), v.Uint("global_dirt"), v.Uint("hole"), v.Uint("dirt"));
                var b = MakerMath.Bark(new MakerUrn(v.Uint("ink"), v.Uint("art")), v.Uint("rate"), v.Uint("spot"), v.Uint("dust"), limits);
                return [new("dart", Out(b.Dart)), new("dink", Out(b.Dink)), new("due", Out(b.Due)), new("tab", Out(b.Tab)),
                    new("ink", Out(b.Urn.Ink)), new("art", Out(b.Urn.Art)), new("global_dirt", Out(b.GlobalDirt)), new("dirt", Out(b.Dirt))];
            },
        };
}
