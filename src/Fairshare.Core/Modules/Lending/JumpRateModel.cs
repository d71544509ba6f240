using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// Compound's jump-rate interest model in per-block terms (<c>defi-math.md</c> §3.1–§3.4): below the kink the borrow
/// rate grows by <see cref="MultiplierPerBlock"/> per unit of utilisation, above it by <see cref="JumpMultiplierPerBlock"/>.
/// All rates and <see cref="Kink"/> are 1e18 mantissas.
/// </summary>
/// <param name="BaseRatePerBlock">The borrow rate at zero utilisation.</param>
/// <param name="MultiplierPerBlock">The slope below the kink.</param>
/// <param name="JumpMultiplierPerBlock">The slope above the kink.</param>
/// <param name="Kink">The utilisation at which the jump slope takes over.</param>
public sealed record JumpRateModel(BigInteger BaseRatePerBlock, BigInteger MultiplierPerBlock, BigInteger JumpMultiplierPerBlock, BigInteger Kink)
{
    /// <summary>Blocks per year assumed by the models (<c>blocksPerYear</c>, §3).</summary>
    public static readonly BigInteger BlocksPerYear = 2_102_400;

    /// <summary>
    /// §3.1 <c>jump_rate_model_v2_init</c> (<c>BaseJumpRateModelV2.updateJumpRateModelInternal</c>): the yearly multiplier is
    /// the rate reached at the kink, so it is divided by <c>blocksPerYear * kink</c>; a zero kink reverts <c>DIVISION_BY_ZERO</c>.
    /// </summary>
    public static JumpRateModel FromYearlyV2(BigInteger baseRatePerYear, BigInteger multiplierPerYear, BigInteger jumpMultiplierPerYear, BigInteger kink)
    {
        var baseRate = Div(baseRatePerYear, BlocksPerYear);
        var multiplier = Div(Mul(multiplierPerYear, CompoundExp.ExpScale), Mul(BlocksPerYear, kink));
        var jump = Div(jumpMultiplierPerYear, BlocksPerYear);
        return new JumpRateModel(baseRate, multiplier, jump, kink);
    }

    /// <summary>§3.1 <c>jump_rate_model_v1_init</c> (<c>JumpRateModel.sol</c>): the yearly multiplier is the slope per 100% utilisation.</summary>
    public static JumpRateModel FromYearlyV1(BigInteger baseRatePerYear, BigInteger multiplierPerYear, BigInteger jumpMultiplierPerYear, BigInteger kink)
    {
        var baseRate = Div(baseRatePerYear, BlocksPerYear);
        var multiplier = Div(multiplierPerYear, BlocksPerYear);
        var jump = Div(jumpMultiplierPerYear, BlocksPerYear);
        return new JumpRateModel(baseRate, multiplier, jump, kink);
    }

    /// <summary>
    /// §3.2 <c>utilizationRate</c>: <c>borrows * 1e18 / (cash + borrows - reserves)</c>, 0 without borrows. May exceed 1e18
    /// when reserves exceed cash; reverts <c>MATH_UNDERFLOW</c> or <c>DIVISION_BY_ZERO</c> when the denominator is negative or zero.
    /// </summary>
    public static BigInteger UtilizationRate(BigInteger cash, BigInteger borrows, BigInteger reserves)
    {
        if (borrows.IsZero) return BigInteger.Zero;
        return Div(Mul(borrows, CompoundExp.ExpScale), Sub(Add(cash, borrows), reserves));
    }

    /// <summary>§3.3 <c>getBorrowRate</c>: the per-block borrow rate for the market's cash, borrows and reserves.</summary>
    public BigInteger BorrowRate(BigInteger cash, BigInteger borrows, BigInteger reserves)
    {
        var utilization = UtilizationRate(cash, borrows, reserves);
        if (utilization <= Kink) return Add(Div(Mul(utilization, MultiplierPerBlock), CompoundExp.ExpScale), BaseRatePerBlock);
        var normalRate = Add(Div(Mul(Kink, MultiplierPerBlock), CompoundExp.ExpScale), BaseRatePerBlock);
        var excess = Sub(utilization, Kink);
        return Add(Div(Mul(excess, JumpMultiplierPerBlock), CompoundExp.ExpScale), normalRate);
    }

    /// <summary>
    /// §3.4 <c>getSupplyRate</c>: the borrow rate less the reserve factor, times utilisation. <c>1e18 - reserveFactor</c> is
    /// evaluated first, so a reserve factor above 1e18 reverts <c>MATH_UNDERFLOW</c> before anything else.
    /// </summary>
    public BigInteger SupplyRate(BigInteger cash, BigInteger borrows, BigInteger reserves, BigInteger reserveFactorMantissa)
    {
        var oneMinusReserveFactor = Sub(CompoundExp.ExpScale, reserveFactorMantissa);
        var borrowRate = BorrowRate(cash, borrows, reserves);
        var rateToPool = Div(Mul(borrowRate, oneMinusReserveFactor), CompoundExp.ExpScale);
        return Div(Mul(UtilizationRate(cash, borrows, reserves), rateToPool), CompoundExp.ExpScale);
    }
}
