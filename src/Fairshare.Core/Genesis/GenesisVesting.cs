namespace Fairshare.Core.Genesis;

/// <summary>Linear vesting in blocks: nothing until <c>StartHeight + CliffBlocks</c>, all at <c>StartHeight + DurationBlocks</c>.</summary>
public sealed record GenesisVesting(ulong StartHeight, ulong CliffBlocks, ulong DurationBlocks);
