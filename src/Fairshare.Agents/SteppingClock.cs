namespace Fairshare.Agents;

/// <summary>
/// A clock for local networks that moves one block interval each time it is read (a node reads it once per block), so
/// block timestamps, hence block hashes and the spot-check draws made from them, are the same on every run.
/// </summary>
/// <param name="startMs">The first reading, in Unix milliseconds.</param>
/// <param name="stepMs">How far each reading moves the clock.</param>
public sealed class SteppingClock(long startMs, long stepMs) : TimeProvider
{
    private long _next = startMs;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_next);
        _next += stepMs;
        return now;
    }
}
