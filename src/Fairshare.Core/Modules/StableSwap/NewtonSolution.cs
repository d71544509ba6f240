using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The result of a legacy (3pool) Newton solve (§6.7): the last iterate and whether it settled within 255 steps.
/// The contract returns the value either way; <see cref="Converged"/> is informative only.</summary>
/// <param name="Value">D or y.</param>
/// <param name="Converged">True when two successive iterates differed by at most 1.</param>
public readonly record struct NewtonSolution(BigInteger Value, bool Converged);
