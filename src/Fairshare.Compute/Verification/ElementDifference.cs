namespace Fairshare.Compute.Verification;

/// <summary>One element compared: where it is and both values.</summary>
/// <param name="Tensor">The tensor's name.</param>
/// <param name="Index">The flat (row-major) index of the element.</param>
/// <param name="Expected">The expected value.</param>
/// <param name="Actual">The actual value.</param>
public sealed record ElementDifference(string Tensor, long Index, double Expected, double Actual)
{
    /// <summary>|Expected − Actual| (NaN when either is NaN).</summary>
    public double Difference => Math.Abs(Expected - Actual);
}
