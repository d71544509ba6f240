namespace Fairshare.Core.Modules.Math;

/// <summary>
/// A DeFi math kernel's revert, named as in <c>defi-math.md</c> §0.3 (<c>K</c>, <c>MATH_OVERFLOW</c>, ...). Kernels throw it
/// to abort like the reference contracts do; module entry points and the conformance runner catch it at their boundary
/// and turn it into a stable error. It never escapes Core (see docs/adr/0003-math-reverts.md).
/// </summary>
public sealed class RevertException(string error) : Exception(error)
{
    /// <summary>The spec's error name.</summary>
    public string Error { get; } = error;
}
