using Polly;
using Polly.Retry;

namespace Fairshare.Client;

/// <summary>
/// The one retry strategy of everything that talks to a node (the SDK's callers, the agents, the CLI, the node's own
/// forwarding): Polly's retry with exponential backoff and jitter, capped at <see cref="NodeRetryOptions.MaxDelay"/>,
/// that waits what a node asks in <c>Retry-After</c> when it says, and retries only errors that may pass
/// (<see cref="ITransientNodeError.IsTransient"/>). The clock is a <see cref="TimeProvider"/>, so tests run it on a fake one.
/// </summary>
public static class NodeRetry
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "unreachable", "busy", "no_leader", "leader_unreachable", "rate_limited", "not_ready", "timeout",
    };

    /// <summary>Whether an error code names a condition that passes (the node away, busy, rate-limiting, electing).</summary>
    public static bool IsTransientCode(string code) => TransientCodes.Contains(code);

    /// <summary>Whether <paramref name="error"/> is a node error worth another try.</summary>
    public static bool IsTransient(Exception error) => error is ITransientNodeError { IsTransient: true };

    /// <summary>The pipeline for <paramref name="options"/>; <paramref name="onRetry"/> hears each failed attempt before its wait.</summary>
    public static ResiliencePipeline Create(NodeRetryOptions options, Action<Exception, int, TimeSpan>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(options.ShouldRetry ?? IsTransient),
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            Delay = options.FirstDelay,
            MaxDelay = options.MaxDelay,
            DelayGenerator = arguments =>
                new ValueTask<TimeSpan?>(arguments.Outcome.Exception is ITransientNodeError { RetryAfter: { } asked }
                    ? (asked < options.MaxDelay ? asked : options.MaxDelay)
                    : null),
            OnRetry = arguments =>
            {
                if (arguments.Outcome.Exception is { } error) onRetry?.Invoke(error, arguments.AttemptNumber + 1, arguments.RetryDelay);
                return default;
            },
        };
        return new ResiliencePipelineBuilder { TimeProvider = options.Clock }.AddRetry(retry).Build();
    }
}
