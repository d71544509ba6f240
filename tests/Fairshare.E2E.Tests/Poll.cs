using System.Diagnostics;

namespace Fairshare.E2E.Tests;

/// <summary>Waits for a condition by polling, with a generous deadline (never a fixed sleep).</summary>
public static class Poll
{
    /// <summary>Polls <paramref name="condition"/> every <paramref name="everyMs"/> until it holds; throws with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? diagnostics = null, int everyMs = 100)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition()) return clock.Elapsed;
            await Task.Delay(everyMs);
        }

        throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:N0} s\n{diagnostics?.Invoke()}");
    }
}
