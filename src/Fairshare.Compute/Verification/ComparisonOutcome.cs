namespace Fairshare.Compute.Verification;

/// <summary>The verdict of comparing two output blobs.</summary>
public enum ComparisonOutcome
{
    /// <summary>The blobs are byte-identical (and hold no NaN): the same tensors, or the same recorded fault.</summary>
    Equal = 1,

    /// <summary>
    /// Same layout, item names, tensor names, types and shapes; every floating-point element within its type's
    /// tolerance and every integer and bool element exactly equal.
    /// </summary>
    WithinTolerance = 2,

    /// <summary>
    /// A blob does not decode, the structures differ (layout, items, tensors, or a fault against an output or another
    /// fault), an element is NaN, or an element is out of tolerance.
    /// </summary>
    Mismatch = 3,
}
