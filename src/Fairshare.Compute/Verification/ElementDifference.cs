namespace Fairshare.Compute.Verification;

/// <summary>One element compared: where it is and both values.</summary>
/// <param name="Item">The name of the job item holding the tensor ("" for a single unnamed item).</param>
/// <param name="Tensor">The tensor's name.</param>
/// <param name="Index">The flat (row-major) index of the element.</param>
/// <param name="Expected">The expected value (64-bit integers beyond 2^53 are rounded to the nearest double).</param>
/// <param name="Actual">The actual value.</param>
public sealed record ElementDifference(string Item, string Tensor, long Index, double Expected, double Actual)
{
    /// <summary>|Expected − Actual| (NaN when either is NaN).</summary>
    public double Difference => Math.Abs(Expected - Actual);
}
