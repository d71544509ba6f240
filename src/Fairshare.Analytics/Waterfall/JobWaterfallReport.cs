using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Plots;

namespace Fairshare.Analytics.Waterfall;

/// <summary>
/// Where one job's escrow went: the steps out of the escrow (each provider's and arbiter's earnings through its stake
/// pool, the protocol fee to the treasury, the burned fee, the refund, what is still locked), which add up to
/// <see cref="Locked"/> exactly, and beside them what moved outside the escrow (slashed stake, arbiters paid from it).
/// </summary>
public sealed record JobWaterfallReport(ulong JobId, string State, BigInteger Locked, ImmutableArray<JobWaterfallStep> Steps, ImmutableArray<JobWaterfallStep> OutsideEscrow)
{
    /// <summary>Σ steps == locked, to the base unit.</summary>
    public bool Reconciles => Steps.Aggregate(BigInteger.Zero, (s, x) => s + x.Amount) == Locked;

    /// <summary>The chart's steps: the locked total, each step down, scaled by <paramref name="unit"/> (10^decimals).</summary>
    public ImmutableArray<WaterfallStep> ChartSteps(BigInteger unit) =>
        [new WaterfallStep("locked", Scale(Locked, unit), IsTotal: true), .. Steps.Select(s => new WaterfallStep(Label(s), -Scale(s.Amount, unit)))];

    private static string Label(JobWaterfallStep s) => s.Party.Length == 0 ? s.Kind : $"{s.Kind} {s.Party}";

    private static double Scale(BigInteger amount, BigInteger unit) => new Concentration.Fraction(amount, unit).ToDouble();
}
