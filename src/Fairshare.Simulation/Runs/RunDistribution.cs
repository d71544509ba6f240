using System.Collections.Immutable;
using System.Numerics;

namespace Fairshare.Simulation.Runs;

/// <summary>A final distribution of one quantity over a population, in base units.</summary>
/// <param name="Name">What is distributed and over whom, e.g. "provider income (FSH)"; say the population choice.</param>
/// <param name="Holdings">One non-negative value per holder.</param>
public sealed record RunDistribution(string Name, ImmutableArray<BigInteger> Holdings);
