using System.Numerics;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// The lending module's governed parameters. The first six are the defaults a new market starts with (Compound sets
/// them per market; here governance may later change one market's <see cref="MarketRisk"/>); the rest hold for every
/// market, as the Comptroller's. Mantissas are scaled by 1e18.
/// </summary>
/// <param name="CollateralFactor">A new market's collateral factor (at most 0.9e18, Compound's <c>collateralFactorMaxMantissa</c>).</param>
/// <param name="ReserveFactor">A new market's share of interest kept as reserves (at most 1e18).</param>
/// <param name="BaseRatePerYear">JumpRateModelV2: the yearly borrow rate at zero utilisation.</param>
/// <param name="MultiplierPerYear">JumpRateModelV2: the yearly borrow rate reached at the kink (on top of the base).</param>
/// <param name="JumpMultiplierPerYear">JumpRateModelV2: the yearly slope above the kink.</param>
/// <param name="Kink">JumpRateModelV2: the utilisation where the jump slope starts (above 0, at most 1e18).</param>
/// <param name="CloseFactor">The largest share of one borrow a liquidation may repay (0.05e18 to 0.9e18).</param>
/// <param name="LiquidationIncentive">The collateral value a liquidator gets per unit repaid (1e18 to 1.5e18).</param>
/// <param name="ProtocolSeizeShare">The share of seized cTokens burnt into the collateral market's reserves.</param>
/// <param name="FlashLoanFeeBps">The flash-loan fee in basis points of the amount, added to the market's reserves.</param>
/// <param name="QuoteAsset">The asset every price is quoted in (USDF, priced at 1e18); other prices are AMM TWAPs against it.</param>
public sealed record LendingParams(
    BigInteger CollateralFactor,
    BigInteger ReserveFactor,
    BigInteger BaseRatePerYear,
    BigInteger MultiplierPerYear,
    BigInteger JumpMultiplierPerYear,
    BigInteger Kink,
    BigInteger CloseFactor,
    BigInteger LiquidationIncentive,
    BigInteger ProtocolSeizeShare,
    uint FlashLoanFeeBps,
    AssetId QuoteAsset)
{
    private static readonly BigInteger Percent = BigInteger.Pow(10, 16);


    /// <summary>
    /// The parameters in force until governance changes them: collateral factor 50%, reserve factor 10%, borrow rate
    /// 2% a year at zero utilisation rising to 2% + 15% at the 80% kink and by 200% a year per unit above it, close
    /// factor 50%, liquidation incentive 8%, protocol seize share 2.8% (Compound's), flash-loan fee 9 bps, quoted in USDF.
    /// </summary>
    public static LendingParams Default { get; } = new(
        50 * Percent, 10 * Percent, 2 * Percent, 15 * Percent, 200 * Percent, 80 * Percent,
        50 * Percent, 108 * Percent, CompoundV2Math.ProtocolSeizeShareMantissa, 9, AssetId.Usdf);

    /// <summary>Whether every parameter is in its allowed range (and the rate model cannot pass the per-block cap).</summary>
    public bool IsValid()
    {
        var one = CompoundExp.ExpScale;
        if (CollateralFactor > 90 * Percent || ReserveFactor > one || Kink.IsZero || Kink > one) return false;
        if (CloseFactor < 5 * Percent || CloseFactor > 90 * Percent) return false;
        if (LiquidationIncentive < one || LiquidationIncentive > 150 * Percent || ProtocolSeizeShare > one) return false;
        if (FlashLoanFeeBps > Units.BpsDenominator || BaseRatePerYear.Sign < 0 || MultiplierPerYear.Sign < 0 || JumpMultiplierPerYear.Sign < 0) return false;
        return NewMarketRisk().IsValid();
    }

    /// <summary>The risk settings a new market starts with: the default factors and the per-block rate model.</summary>
    public MarketRisk NewMarketRisk()
    {
        var model = JumpRateModel.FromYearlyV2(BaseRatePerYear, MultiplierPerYear, JumpMultiplierPerYear, Kink);
        return new MarketRisk(CollateralFactor, ReserveFactor, model);
    }

    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(400);
        foreach (var mantissa in new[] { CollateralFactor, ReserveFactor, BaseRatePerYear, MultiplierPerYear, JumpMultiplierPerYear, Kink, CloseFactor, LiquidationIncentive, ProtocolSeizeShare })
            writer.WriteAmount(LendingMarkets.ToAmount(mantissa));
        writer.WriteU32(FlashLoanFeeBps);
        writer.WriteU32(QuoteAsset.Value);
        return writer.ToArray();
    }

    /// <summary>Decodes stored parameters; stored state that does not decode is a bug.</summary>
    public static LendingParams Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var result = new LendingParams(
            reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(),
            reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(),
            reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(),
            reader.ReadU32(), new AssetId(reader.ReadU32()));
        reader.ExpectEnd();
        return reader.Ok ? result : throw new InvalidOperationException($"stored lending parameters do not decode: {reader.Error}");
    }
}
