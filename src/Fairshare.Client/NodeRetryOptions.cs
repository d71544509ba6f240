namespace Fairshare.Client;

/// <summary>How <see cref="NodeRetry"/> tries again.</summary>
public sealed record NodeRetryOptions
{
    /// <summary>Attempts in all, the first included (<see cref="int.MaxValue"/>: until cancelled).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further one.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between attempts (a node's <c>Retry-After</c> too is capped here).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether waits are spread at random (so many callers do not retry in step); off for exact tests.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>Which errors are tried again; null: those <see cref="NodeRetry.IsTransient"/> says may pass.</summary>
    public Func<Exception, bool>? ShouldRetry { get; init; }

    /// <summary>The clock the waits run on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The default: 8 attempts, 100 ms doubling to 5 s, with jitter.</summary>
    public static NodeRetryOptions Default { get; } = new();

    /// <summary>For loops that must outlast an outage: attempts until cancelled, 5 s apart at most.</summary>
    public static NodeRetryOptions Forever { get; } = new() { MaxAttempts = int.MaxValue };
}
