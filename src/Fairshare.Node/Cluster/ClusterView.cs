using System.Collections.Immutable;

namespace Fairshare.Node.Cluster;

/// <summary>
/// The cluster as one member sees it: its role (<c>leader</c>, <c>follower</c>, <c>candidate</c>), the Raft term, the
/// leader's API base URL when known, and every member's API base URL.
/// </summary>
public sealed record ClusterView(string Role, long Term, string? LeaderApiUrl, string SelfApiUrl, ImmutableArray<string> MemberApiUrls)
{
    /// <summary>True when this member leads.</summary>
    public bool IsLeader => Role == "leader";
}
