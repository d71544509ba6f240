using System.Numerics;
using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules.Lending;

/// <summary>One market's governed risk settings: collateral factor, reserve factor and its per-block jump-rate model.</summary>
/// <param name="CollateralFactor">The share of the supplied value that may be borrowed against (1e18 mantissa).</param>
/// <param name="ReserveFactor">The share of accrued interest kept as reserves (1e18 mantissa).</param>
/// <param name="RateModel">The interest-rate model, in per-block terms.</param>
public sealed record MarketRisk(BigInteger CollateralFactor, BigInteger ReserveFactor, JumpRateModel RateModel)
{
    private static readonly BigInteger MaxCollateralFactor = 900_000_000_000_000_000;

    /// <summary>
    /// Whether the settings are in range: collateral factor at most 0.9e18, reserve factor at most 1e18, a kink in
    /// (0, 1e18], and a borrow rate at full utilisation within the per-block cap (else interest could never accrue).
    /// </summary>
    public bool IsValid()
    {
        var one = CompoundExp.ExpScale;
        var m = RateModel;
        if (CollateralFactor > MaxCollateralFactor || ReserveFactor > one || m.Kink.IsZero || m.Kink > one) return false;
        var atFullUtilization = m.Kink * m.MultiplierPerBlock / one + m.BaseRatePerBlock + (one - m.Kink) * m.JumpMultiplierPerBlock / one;
        return atFullUtilization <= CompoundV2Math.BorrowRateMaxMantissa;
    }

    /// <summary>Writes the fields.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteAmount(LendingMarkets.ToAmount(CollateralFactor));
        writer.WriteAmount(LendingMarkets.ToAmount(ReserveFactor));
        writer.WriteAmount(LendingMarkets.ToAmount(RateModel.BaseRatePerBlock));
        writer.WriteAmount(LendingMarkets.ToAmount(RateModel.MultiplierPerBlock));
        writer.WriteAmount(LendingMarkets.ToAmount(RateModel.JumpMultiplierPerBlock));
        writer.WriteAmount(LendingMarkets.ToAmount(RateModel.Kink));
    }

    /// <summary>Reads the fields.</summary>
    public static MarketRisk Read(ref CanonicalReader reader)
    {
        var collateralFactor = reader.ReadAmount().ToBigInteger();
        var reserveFactor = reader.ReadAmount().ToBigInteger();
        var model = new JumpRateModel(reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(),
            reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger());
        return new MarketRisk(collateralFactor, reserveFactor, model);
    }
}
