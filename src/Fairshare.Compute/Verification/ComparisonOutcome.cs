namespace Fairshare.Compute.Verification;

/// <summary>The verdict of comparing two output blobs.</summary>
public enum ComparisonOutcome
{
    /// <summary>The blobs are byte-identical (and hold no NaN).</summary>
    Equal = 1,

    /// <summary>Same names, types and shapes, and every element within tolerance (int64 elements exactly equal).</summary>
    WithinTolerance = 2,

    /// <summary>A blob does not decode, the structures differ, an element is NaN, or an element is out of tolerance.</summary>
    Mismatch = 3,
}
