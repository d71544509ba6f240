namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/status</c>: where a node stands. <paramref name="Role"/> is <c>leader</c>, <c>follower</c> or
/// <c>candidate</c>; <paramref name="LeaderUrl"/> is the leader's API base URL when known (the node's own when it leads).
/// </summary>
public sealed record NodeStatus(
    string ChainId,
    ulong Height,
    string BlockHash,
    string StateRoot,
    ulong TimestampMs,
    string Role,
    string? LeaderUrl,
    long Term,
    IReadOnlyList<string> Members,
    string Validator,
    int MempoolSize);
