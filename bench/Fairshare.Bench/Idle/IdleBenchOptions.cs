using Fairshare.Cli;

namespace Fairshare.Bench.Idle;

/// <summary>What <c>fairshare bench idle</c> runs.</summary>
/// <param name="Seconds">How long the validator idles in each timed run (skipping off, then on).</param>
/// <param name="BlockTimeMs">The leader's block interval (<c>node start --block-time-ms</c>).</param>
/// <param name="IdleBlockMs">With skipping on, the longest the leader goes without a block (<c>--idle-block-ms</c>).</param>
public sealed record IdleBenchOptions(int Seconds = 20, int BlockTimeMs = 200, int IdleBlockMs = 60_000)
{
    /// <summary>Throws a <see cref="CliUsageException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (Seconds is < 1 or > 3_600) throw new CliUsageException("--seconds must be between 1 and 3600");
        if (BlockTimeMs is < 10 or > 60_000) throw new CliUsageException("--block-time-ms must be between 10 and 60000");
        if (IdleBlockMs < BlockTimeMs || IdleBlockMs > 86_400_000) throw new CliUsageException($"--idle-block-ms must be between --block-time-ms ({BlockTimeMs}) and 86400000");
    }
}
