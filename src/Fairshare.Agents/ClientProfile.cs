using System.Collections.Immutable;

namespace Fairshare.Agents;

/// <summary>A client agent's name and the jobs it will submit, in order.</summary>
/// <param name="Name">A display name (its development key name in local networks).</param>
/// <param name="Jobs">The plan.</param>
public sealed record ClientProfile(string Name, ImmutableArray<PlannedJob> Jobs);
