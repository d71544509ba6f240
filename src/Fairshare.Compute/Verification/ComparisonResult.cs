namespace Fairshare.Compute.Verification;

/// <summary>
/// The result of <see cref="OutputComparator.Compare"/>: the verdict, why, and the worst element — the one that uses
/// the largest share of its allowed difference (for a mismatch, the one furthest out of tolerance; a NaN is worst of
/// all). <see cref="Worst"/> is null when the blobs are byte-identical or when no element pair could be compared.
/// </summary>
/// <param name="Outcome">Equal, within tolerance, or mismatch.</param>
/// <param name="Reason">One line for people: what matched or what differed.</param>
/// <param name="Worst">The worst element, when elements were compared.</param>
public sealed record ComparisonResult(ComparisonOutcome Outcome, string Reason, ElementDifference? Worst)
{
    /// <summary>True for <see cref="ComparisonOutcome.Equal"/> and <see cref="ComparisonOutcome.WithinTolerance"/>.</summary>
    public bool Agrees => Outcome != ComparisonOutcome.Mismatch;
}
