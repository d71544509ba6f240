namespace Fairshare.Client;

/// <summary>
/// An error from talking to a node that <see cref="NodeRetry"/> knows how to treat: whether trying again may succeed
/// (the node is away, busy, rate-limiting, or between leaders) and how long the node asked callers to wait.
/// </summary>
public interface ITransientNodeError
{
    /// <summary>The stable error code (e.g. <c>unreachable</c>, <c>busy</c>, <c>no_leader</c>, <c>rate_limited</c>).</summary>
    string Code { get; }

    /// <summary>Whether the same call may succeed later.</summary>
    bool IsTransient { get; }

    /// <summary>The wait the node asked for (<c>Retry-After</c>), if any.</summary>
    TimeSpan? RetryAfter { get; }
}
