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

    /// <summary>
    /// Raft log entries this member knows are committed but has not applied to its state yet (each block is one entry;
    /// the few entries Raft writes for itself count too): how far its committed head trails what the cluster
    /// committed, as far as this member has heard. Null when it cannot tell (not started, or stopped). A follower
    /// learns the commit index with each append from the leader, so while it still receives a long backlog the figure
    /// covers only the part received.
    /// </summary>
    public long? IndexLag { get; init; }
}
