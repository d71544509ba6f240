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
    /// <summary>Lock FSH in the governance escrow for voting power.</summary>
    GovLock = 60,

    /// <summary>Take locked FSH back out of the governance escrow.</summary>
    GovUnlock = 61,

    /// <summary>Delegate the sender's locked votes to an account (itself by default).</summary>
    GovDelegate = 62,

    /// <summary>Propose parameter changes, voted on and then run through the timelock.</summary>
    GovPropose = 63,

    /// <summary>Vote against, for or abstain on an active proposal.</summary>
    GovVote = 64,

    /// <summary>Queue a succeeded proposal in the timelock.</summary>
    GovQueue = 65,

    /// <summary>Execute a queued proposal once its timelock has passed.</summary>
    GovExecute = 66,

    /// <summary>Cancel a proposal that has not been executed.</summary>
    GovCancel = 67,
    /// <summary>Create the lending market of an asset, with the module's default parameters.</summary>
    LendCreateMarket = 40,

    /// <summary>Supply an asset to its lending market for cTokens (Compound mint).</summary>
    LendSupply = 41,

    /// <summary>Burn cTokens for the underlying, by cTokens or by underlying amount.</summary>
    LendRedeem = 42,

    /// <summary>Borrow from a lending market against the account's collateral.</summary>
    LendBorrow = 43,

    /// <summary>Repay a borrow, one's own or another account's.</summary>
    LendRepay = 44,

    /// <summary>Repay part of a short borrower's debt and seize its collateral cTokens.</summary>
    LendLiquidate = 45,

    /// <summary>Borrow a market's cash for the rest of the transaction; repaid with the fee at its end.</summary>
    LendFlashLoan = 46,

    /// <summary>Create a StableSwap pool of 2 or 3 assets with its LP share asset.</summary>
    StableCreatePool = 70,

    /// <summary>Deposit any mix of a StableSwap pool's coins for LP shares (Curve add_liquidity).</summary>
    StableAddLiquidity = 71,

    /// <summary>Burn StableSwap LP shares for a pro-rata share of every coin (Curve remove_liquidity).</summary>
    StableRemoveLiquidity = 72,

    /// <summary>Burn StableSwap LP shares for one coin (Curve remove_liquidity_one_coin).</summary>
    StableRemoveOneCoin = 73,

    /// <summary>Trade one coin of a StableSwap pool for another (Curve exchange).</summary>
    StableExchange = 74,

    /// <summary>A provider bonds its own FSH; the first bond opens its stake pool with a commission.</summary>
    StakeSelfBond = 80,

    /// <summary>Delegate FSH to a provider's stake pool.</summary>
    StakeDelegate = 81,

    /// <summary>Start unbonding part of the sender's position in a pool (slashable until it completes).</summary>
    StakeUnbond = 82,

    /// <summary>Pay out every completed unbonding entry of the sender.</summary>
    StakeWithdraw = 83,

    /// <summary>Pay the sender's accrued delegator rewards from a pool.</summary>
    StakeClaim = 84,

    /// <summary>A provider announces a new commission, effective after the unbonding period.</summary>
    StakeSetCommission = 85,

    /// <summary>Register (or replace) the sender's compute offer; needs the minimum self-bond.</summary>
    MarketRegister = 90,

    /// <summary>A provider's liveness signal; a stale provider gets no new slots.</summary>
    MarketHeartbeat = 91,

    /// <summary>A provider stops taking new slots (its running slots must still be finished).</summary>
    MarketDeregister = 92,

    /// <summary>A client submits a compute job and locks its escrow.</summary>
    MarketSubmitJob = 93,

    /// <summary>A slot's provider commits to its output: SHA-256(output ‖ salt ‖ provider).</summary>
    MarketCommit = 94,

    /// <summary>A slot's provider reveals its output hash and salt once the round has committed.</summary>
    MarketReveal = 95,

    /// <summary>A canary job's client reveals the known answer behind its seal.</summary>
    MarketRevealExpected = 96,

    /// <summary>A client cancels a job that has no slot yet, for a full refund.</summary>
    MarketCancelJob = 97,
}
