using System.CommandLine;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>--skip-empty-blocks</c> and <c>--idle-block-ms</c> of <c>node start</c>: whether the leader leaves out empty blocks
/// while nothing on the ledger waits for the height (<c>RaftLedgerOptions.SkipEmptyBlocks</c>, Core's
/// <c>BlockSchedule</c>), and the longest it then goes without a block.
/// </summary>
internal sealed class IdleBlockOptions
{
    /// <summary>The longest idle interval accepted, in milliseconds (a day).</summary>
    public const int MaxIdleBlockMs = 86_400_000;

    /// <summary>The node's idle interval when none is given, in milliseconds.</summary>
    public const int DefaultIdleBlockMs = 60_000;

    private readonly Option<bool> _skip = new("--skip-empty-blocks")
    {
        Description = "leave out empty blocks while nothing waits for the height (no active job, emission, jail, borrow, unbonding, commission change, open vote or vesting); transactions still go into a block within --block-time-ms",
    };

    private readonly Option<int?> _idleMs = new("--idle-block-ms")
    {
        Description = $"with --skip-empty-blocks, make an empty block at least this often so the chain is seen alive (default {DefaultIdleBlockMs}; at least --block-time-ms, at most {MaxIdleBlockMs})",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_skip);
        command.Add(_idleMs);
    }

    /// <summary>
    /// Whether to skip and the idle interval; a usage error (exit 2) for an interval out of range, shorter than the block
    /// time, or given without <c>--skip-empty-blocks</c>.
    /// </summary>
    public (bool Skip, TimeSpan IdleInterval) Read(ParseResult parsed, int blockTimeMs)
    {
        bool skip = parsed.GetValue(_skip);
        int? idleMs = parsed.GetValue(_idleMs);
        if (idleMs is { } given)
        {
            if (!skip) throw new CliUsageException("--idle-block-ms needs --skip-empty-blocks");
            if (given < blockTimeMs || given > MaxIdleBlockMs)
                throw new CliUsageException($"--idle-block-ms must be between --block-time-ms ({blockTimeMs}) and {MaxIdleBlockMs}");
        }

        return (skip, TimeSpan.FromMilliseconds(idleMs ?? DefaultIdleBlockMs));
    }
}
