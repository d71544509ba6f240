namespace Fairshare.Core.Ledger.Transactions;

/// <summary>Transaction payload tags. Stable: never renumber.</summary>
public enum TxKind : byte
{
    /// <summary>Move an asset to another account.</summary>
    Transfer = 1,

    /// <summary>Several steps that succeed or fail together.</summary>
    Batch = 2,

    /// <summary>The issuer mints USDF.</summary>
    MintStable = 3,

    /// <summary>The issuer burns USDF.</summary>
    BurnStable = 4,

    /// <summary>Release the vested part of a genesis allocation.</summary>
    ClaimVested = 5,

    /// <summary>Create an AMM pool for a pair of assets.</summary>
    AmmCreatePool = 20,

    /// <summary>Deposit both assets of a pair for LP shares.</summary>
    AmmAddLiquidity = 21,

    /// <summary>Burn LP shares for both assets.</summary>
    AmmRemoveLiquidity = 22,

    /// <summary>Swap along a path of pools, exact input or exact output.</summary>
    AmmSwap = 23,

    /// <summary>Borrow from a pool, to be paid back (with the fee) by the end of the transaction.</summary>
    AmmFlashSwap = 24,

    /// <summary>The treasury creates a StakingRewards farm for a staking asset.</summary>
    FarmCreate = 50,

    /// <summary>The treasury funds a farm with FSH and starts a reward period.</summary>
    FarmNotifyReward = 51,

    /// <summary>Lock a farm's staking asset to earn FSH.</summary>
    FarmStake = 52,

    /// <summary>Take staked units back out of a farm.</summary>
    FarmWithdraw = 53,

    /// <summary>Collect the FSH a farm owes the sender.</summary>
    FarmClaim = 54,

    /// <summary>Withdraw the whole stake and collect the rewards at once.</summary>
    FarmExit = 55,

    /// <summary>The treasury changes a farm's reward period length between periods.</summary>
    FarmSetRewardsDuration = 56,
}
