namespace Fairshare.Core.Modules;

/// <summary>The first byte of every module record's <see cref="Ledger.State.StateKey"/>. Stable: never renumber.</summary>
public static class ModuleIds
{
    /// <summary>Uniswap V2 pools.</summary>
    public const byte Amm = 1;

    /// <summary>Compound v2 markets.</summary>
    public const byte Lending = 2;

    /// <summary>StakingRewards farms.</summary>
    public const byte Farming = 3;

    /// <summary>GovernorBravo proposals and votes.</summary>
    public const byte Governance = 4;

    /// <summary>Provider staking.</summary>
    public const byte Staking = 5;

    /// <summary>The compute market.</summary>
    public const byte Market = 6;

    /// <summary>Curve StableSwap plain pools.</summary>
    public const byte StableSwap = 7;
}
