namespace Fairshare.Core.Primitives;

/// <summary>
/// Stable result codes. They appear in receipts, CLI output and API errors, so they are consensus data:
/// never renumber or reuse a value. Ranges: 1xx decoding, 2xx authentication, 3xx execution,
/// 4xx blocks, 5xx genesis, 6xx modules (60x math, 61x–62x AMM, 64x lending, 66x farming, 68x governance, 70x StableSwap, 72x–73x staking, 74x–78x market).
/// </summary>
public enum ResultCode : ushort
{
    /// <summary>Success.</summary>
    Ok = 0,

    /// <summary>The input ended before the structure was complete.</summary>
    Truncated = 100,

    /// <summary>Bytes were left after the structure ended.</summary>
    TrailingBytes = 101,

    /// <summary>A variable-length integer was not in its shortest form.</summary>
    NonCanonicalVarInt = 102,

    /// <summary>A variable-length integer exceeded 64 bits.</summary>
    VarIntOverflow = 103,

    /// <summary>A length prefix exceeded the limit of its field.</summary>
    LengthTooLarge = 104,

    /// <summary>An amount had a leading zero byte.</summary>
    NonCanonicalAmount = 105,

    /// <summary>An amount was longer than 32 bytes.</summary>
    AmountTooLong = 106,

    /// <summary>An unknown type tag or version.</summary>
    UnknownTag = 107,

    /// <summary>A string was not valid UTF-8.</summary>
    InvalidUtf8 = 108,

    /// <summary>A field held a value outside its domain.</summary>
    InvalidValue = 109,

    /// <summary>A list had more items than its limit.</summary>
    TooManyItems = 110,

    /// <summary>The whole input exceeded the size limit.</summary>
    Oversized = 111,

    /// <summary>The signature does not verify against the signer's key.</summary>
    BadSignature = 200,

    /// <summary>The transaction names another chain.</summary>
    WrongChainId = 201,

    /// <summary>The nonce was already used: a replay.</summary>
    NonceReplayed = 202,

    /// <summary>The nonce skips ahead of the account's next nonce.</summary>
    NonceGap = 203,

    /// <summary>The fee is below the governed minimum.</summary>
    FeeTooLow = 204,

    /// <summary>The balance does not cover the amount (and fee).</summary>
    InsufficientBalance = 300,

    /// <summary>A sum exceeded 2^256 - 1.</summary>
    AmountOverflow = 301,

    /// <summary>The asset is not registered.</summary>
    UnknownAsset = 302,

    /// <summary>The amount must be positive.</summary>
    ZeroAmount = 303,

    /// <summary>Only the asset's registered issuer may do this.</summary>
    NotIssuer = 304,

    /// <summary>No vested tokens are waiting to be claimed.</summary>
    NothingToClaim = 305,

    /// <summary>A batch was empty, too long or nested.</summary>
    BadBatch = 306,

    /// <summary>A step of the transaction is not allowed for this sender.</summary>
    Unauthorized = 307,

    /// <summary>The block's height is not the next height.</summary>
    BadHeight = 400,

    /// <summary>The block's previous hash is not the hash of the last block.</summary>
    BadPreviousHash = 401,

    /// <summary>The block's timestamp is not after the previous block's.</summary>
    TimestampNotMonotonic = 402,

    /// <summary>The block's transaction root does not match its transactions.</summary>
    BadTransactionRoot = 403,

    /// <summary>Re-executing the block gave another state root.</summary>
    BadStateRoot = 404,

    /// <summary>The block's receipts root does not match re-execution.</summary>
    BadReceiptsRoot = 405,

    /// <summary>The proposer is not a validator, or a signature is missing or wrong.</summary>
    BadBlockSignature = 406,

    /// <summary>A transaction in the block failed; valid blocks contain only successful transactions.</summary>
    FailedTransactionInBlock = 407,

    /// <summary>The block names another chain.</summary>
    BlockWrongChainId = 408,

    /// <summary>The genesis file is not valid JSON or misses a field.</summary>
    GenesisMalformed = 500,

    /// <summary>The genesis file holds a bad address or key.</summary>
    GenesisBadAddress = 501,

    /// <summary>The genesis file holds a bad amount.</summary>
    GenesisBadAmount = 502,

    /// <summary>An address is allocated twice.</summary>
    GenesisDuplicateAllocation = 503,

    /// <summary>The allocations sum past 2^256 - 1.</summary>
    GenesisSupplyOverflow = 504,

    /// <summary>A vesting schedule is inconsistent (cliff after the end, zero duration).</summary>
    GenesisBadVesting = 505,

    /// <summary>A cohort, asset or parameter is unknown or out of range.</summary>
    GenesisBadValue = 506,

    /// <summary>A module's math reverted for a reason without its own code.</summary>
    ModuleReverted = 600,

    /// <summary>A checked uint256 result reached 2^256.</summary>
    MathOverflow = 601,

    /// <summary>A checked uint256 result fell below zero.</summary>
    MathUnderflow = 602,

    /// <summary>A module divided by zero.</summary>
    DivisionByZero = 603,

    /// <summary>No AMM pool exists for the pair.</summary>
    PoolNotFound = 610,

    /// <summary>The pair already has a pool.</summary>
    PoolExists = 611,

    /// <summary>A pair needs two different assets.</summary>
    SameAsset = 612,

    /// <summary>The pool's reserves cannot cover the request (Uniswap INSUFFICIENT_LIQUIDITY).</summary>
    InsufficientLiquidity = 613,

    /// <summary>Nothing was paid in (Uniswap INSUFFICIENT_INPUT_AMOUNT).</summary>
    InsufficientInputAmount = 614,

    /// <summary>The output is zero or below the minimum asked for (slippage).</summary>
    InsufficientOutputAmount = 615,

    /// <summary>The input needed exceeds the maximum allowed (slippage).</summary>
    ExcessiveInputAmount = 616,

    /// <summary>A quote of a zero amount (Uniswap INSUFFICIENT_AMOUNT).</summary>
    InsufficientAmount = 617,

    /// <summary>Adding liquidity would take less of asset A than the minimum.</summary>
    InsufficientAAmount = 618,

    /// <summary>Adding liquidity would take less of asset B than the minimum.</summary>
    InsufficientBAmount = 619,

    /// <summary>The swap would lower the pool's fee-adjusted constant product (Uniswap K).</summary>
    KInvariant = 620,

    /// <summary>A reserve would exceed 2^112 − 1 (Uniswap OVERFLOW).</summary>
    ReserveOverflow = 621,

    /// <summary>The deposit is too small to mint any LP share.</summary>
    InsufficientLiquidityMinted = 622,

    /// <summary>The LP shares burned are too few to pay out both assets.</summary>
    InsufficientLiquidityBurned = 623,

    /// <summary>The pool is in the middle of a flash swap in this transaction (Uniswap LOCKED).</summary>
    PoolLocked = 624,

    /// <summary>The pool's TWAP oracle has no observation old enough yet.</summary>
    OracleNotReady = 625,

    /// <summary>A swap path is shorter than two assets, too long, or repeats a pool.</summary>
    BadPath = 626,

    /// <summary>A flash loan was not repaid with its fee by the end of the transaction.</summary>
    FlashLoanNotRepaid = 627,

    /// <summary>The module parameters are out of their allowed range.</summary>
    ParameterOutOfRange = 628,

    /// <summary>No farm has that id.</summary>
    FarmNotFound = 660,

    /// <summary>Only the treasury, every farm's owner and reward distributor, may create, fund or reconfigure farms.</summary>
    NotRewardsDistribution = 661,

    /// <summary>The notified reward rate is not covered by the farm's FSH balance (StakingRewards PROVIDED_REWARD_TOO_HIGH).</summary>
    ProvidedRewardTooHigh = 662,

    /// <summary>A stake of zero (StakingRewards CANNOT_STAKE_0).</summary>
    CannotStake0 = 663,

    /// <summary>A withdrawal of zero, or an exit with nothing staked (StakingRewards CANNOT_WITHDRAW_0).</summary>
    CannotWithdraw0 = 664,

    /// <summary>The reward duration may change only after the current period ends (StakingRewards PREVIOUS_PERIOD_NOT_COMPLETE).</summary>
    PreviousPeriodNotComplete = 665,

    /// <summary>A reward period length must be between one second and ten years.</summary>
    BadRewardsDuration = 666,

    /// <summary>The withdrawal exceeds the sender's stake in the farm.</summary>
    InsufficientStake = 667,
    /// <summary>No governance proposal has this id (GovernorBravo INVALID_PROPOSAL_ID).</summary>
    ProposalNotFound = 680,

    /// <summary>The proposer's votes at the previous block are not above the proposal threshold.</summary>
    ProposerBelowThreshold = 681,

    /// <summary>A proposal must carry at least one action (GovernorBravo MUST_PROVIDE_ACTIONS).</summary>
    NoActions = 682,

    /// <summary>A proposal carries more than 10 actions (GovernorBravo TOO_MANY_ACTIONS).</summary>
    TooManyActions = 683,

    /// <summary>The proposer's latest proposal is still pending or active (one live proposal per proposer).</summary>
    ProposerHasLiveProposal = 684,

    /// <summary>The proposal is not active: voting has not started or has ended (GovernorBravo VOTING_IS_CLOSED).</summary>
    VotingClosed = 685,

    /// <summary>A vote's support must be 0 (against), 1 (for) or 2 (abstain).</summary>
    InvalidVoteType = 686,

    /// <summary>The voter has already voted on this proposal.</summary>
    AlreadyVoted = 687,

    /// <summary>Only a succeeded proposal can be queued in the timelock.</summary>
    ProposalNotSucceeded = 688,

    /// <summary>Only a queued proposal can be executed.</summary>
    ProposalNotQueued = 689,

    /// <summary>The proposal's timelock has not passed yet (block time before its eta).</summary>
    TimelockNotSurpassed = 690,

    /// <summary>The proposal's grace period after its eta has passed (Timelock stale transaction).</summary>
    TimelockStale = 691,

    /// <summary>An executed proposal cannot be canceled.</summary>
    CannotCancelExecuted = 692,

    /// <summary>Only the proposer may cancel while the proposer's votes are at or above the threshold.</summary>
    ProposerAboveThreshold = 693,

    /// <summary>A governance action names a module parameter that governance cannot change.</summary>
    UnknownGovParameter = 694,

    /// <summary>The account has less FSH locked in governance than it asked to unlock.</summary>
    NotEnoughLocked = 695,
    /// <summary>No lending market exists for the asset.</summary>
    LendMarketNotFound = 640,

    /// <summary>The asset already has a lending market.</summary>
    LendMarketExists = 641,

    /// <summary>A lending market's share asset (cToken) cannot itself be the underlying of a market.</summary>
    LendBadUnderlying = 642,

    /// <summary>An asset the action needs a price for has no mature AMM TWAP against the quote asset (Compound PRICE_ERROR).</summary>
    LendPriceUnavailable = 643,

    /// <summary>The borrow or redeem would leave the account's collateral short of its borrows (Comptroller INSUFFICIENT_LIQUIDITY).</summary>
    LendInsufficientLiquidity = 644,

    /// <summary>The market's cash cannot pay the borrow, redeem or flash loan out (BORROW_CASH_NOT_AVAILABLE, REDEEM_TRANSFER_OUT_NOT_POSSIBLE).</summary>
    LendCashNotAvailable = 645,

    /// <summary>A redeem names both a cToken amount and an underlying amount (ONE_OF_REDEEM_INPUTS_MUST_BE_ZERO).</summary>
    LendBadRedeemInputs = 646,

    /// <summary>The redeem would pay underlying for zero cTokens (REDEEM_TOKENS_ZERO).</summary>
    LendRedeemTokensZero = 647,

    /// <summary>The supply is too small to mint any cToken (or, in a new market, more than the locked minimum).</summary>
    LendMintTooSmall = 648,

    /// <summary>The repay amount exceeds the borrow balance.</summary>
    LendRepayExceedsBorrow = 649,

    /// <summary>The account has no borrow to repay in this market.</summary>
    LendNoBorrow = 650,

    /// <summary>The borrower has no shortfall, so it cannot be liquidated (INSUFFICIENT_SHORTFALL).</summary>
    LendInsufficientShortfall = 651,

    /// <summary>A liquidation repays more than the close factor allows (TOO_MUCH_REPAY).</summary>
    LendRepayAboveCloseFactor = 652,

    /// <summary>A liquidation repay amount of zero or of "all" (LIQUIDATE_CLOSE_AMOUNT_IS_ZERO / _IS_UINT_MAX).</summary>
    LendBadLiquidationAmount = 653,

    /// <summary>An account cannot liquidate itself (LIQUIDATE_LIQUIDATOR_IS_BORROWER).</summary>
    LendLiquidatorIsBorrower = 654,

    /// <summary>The borrower holds fewer collateral cTokens than the liquidation would seize (LIQUIDATE_SEIZE_TOO_MUCH).</summary>
    LendSeizeTooMuch = 655,

    /// <summary>The market's borrow rate is above the per-block cap, so interest cannot accrue (BORROW_RATE_ABSURDLY_HIGH).</summary>
    LendBorrowRateTooHigh = 656,

    /// <summary>A StableSwap pool needs 2 or 3 coins.</summary>
    StableBadCoinCount = 700,

    /// <summary>The amplification A is outside 1 to 1,000,000 (Curve MAX_A).</summary>
    StableBadAmplification = 701,

    /// <summary>A StableSwap coin has more than 18 decimals.</summary>
    StableBadDecimals = 702,

    /// <summary>A coin index is outside the pool's coins (INDEX_OUT_OF_RANGE).</summary>
    StableBadCoinIndex = 703,

    /// <summary>The result is worse than the caller's limit: min_dy, min_mint_amount, min_amounts or min_amount (SLIPPAGE).</summary>
    StableSlippage = 704,

    /// <summary>The first deposit into an empty StableSwap pool must hold every coin (INITIAL_DEPOSIT_REQUIRES_ALL_COINS).</summary>
    StableInitialDepositNeedsAllCoins = 705,

    /// <summary>The deposit does not raise the pool's invariant D (INVARIANT_NOT_INCREASED).</summary>
    StableInvariantNotIncreased = 706,

    /// <summary>The withdrawal would burn no LP shares (ZERO_TOKENS_BURNED).</summary>
    StableZeroTokensBurned = 707,

    /// <summary>The invariant's Newton iteration did not settle within 255 steps (NO_CONVERGENCE).</summary>
    StableNoConvergence = 708,

    /// <summary>A per-coin list (amounts, minimums) does not have one entry per coin of the pool.</summary>
    StableBadAmountCount = 709,

    /// <summary>The StableSwap pool has no liquidity yet, so it cannot trade or pay out.</summary>
    StableEmptyPool = 710,

    /// <summary>A StableSwap exchange names the same coin on both sides (SAME_COIN).</summary>
    StableSameCoin = 711,

    /// <summary>A staking amount of zero.</summary>
    StakeZeroAmount = 720,

    /// <summary>A provider's first self-bond is below <c>stake.min-self-bond</c>.</summary>
    StakeBelowMinSelfBond = 721,

    /// <summary>A commission above <c>stake.max-commission-bps</c>.</summary>
    StakeCommissionTooHigh = 722,

    /// <summary>The provider has no stake pool (it never self-bonded).</summary>
    StakePoolNotFound = 723,

    /// <summary>A provider delegated to its own pool; its own stake is added with a self-bond.</summary>
    StakeSelfDelegation = 724,

    /// <summary>An unbond asks for more FSH than the sender's position in the pool is worth.</summary>
    StakeInsufficientStake = 725,

    /// <summary>A withdraw found no completed unbonding entry of the sender.</summary>
    StakeNothingToWithdraw = 726,

    /// <summary>A claim found no delegator rewards owed to the sender by that pool.</summary>
    StakeNothingToClaim = 727,

    /// <summary>A commission change larger than <c>stake.max-commission-change-bps</c> from the commission in force.</summary>
    StakeCommissionChangeTooLarge = 728,

    /// <summary>The pool was slashed to zero tokens while shares remain: it takes no new stake.</summary>
    StakePoolWipedOut = 729,

    /// <summary>A slash fraction above 1,000,000 ppm (a caller's bug).</summary>
    StakeBadSlashFraction = 730,

    /// <summary>A provider offer has a field out of range: device not CPU or GPU, a zero price, capacity or benchmark score, a region over 16 printable ASCII characters, a renewable share over 100 %, or hardware text over 96 bytes.</summary>
    MarketBadOffer = 740,

    /// <summary>The provider's own bonded stake is below <c>stake.min-self-bond</c>, so it may not register an offer.</summary>
    MarketInsufficientSelfBond = 741,

    /// <summary>The sender has no registered compute offer (heartbeat or deregister).</summary>
    MarketNotRegistered = 742,

    /// <summary>A job spec has a field out of range: kind, model hash (zero exactly for kernels), zero input hash, device, zero work units or price cap, a deadline outside 1 to <c>JobSpec.MaxDeadlineBlocks</c>, or the policy.</summary>
    MarketBadJobSpec = 743,

    /// <summary>The replica count does not fit the policy: 2 to 5 for Replicate, exactly 1 for SpotCheck and Canary.</summary>
    MarketBadReplicas = 744,

    /// <summary>No compute job has that id.</summary>
    MarketJobNotFound = 745,

    /// <summary>Only the job's client may cancel it or reveal its expected output.</summary>
    MarketNotJobClient = 746,

    /// <summary>The job can no longer be cancelled: a slot was already assigned, or it is closed.</summary>
    MarketJobNotCancellable = 747,

    /// <summary>The job is not running or disputed, so its slots take no commits or reveals.</summary>
    MarketJobNotActive = 748,

    /// <summary>The slot index is beyond the job's slots.</summary>
    MarketBadSlot = 749,

    /// <summary>The sender is not the provider the slot was assigned to.</summary>
    MarketNotSlotProvider = 750,

    /// <summary>The slot is not waiting for a commit: it already committed, revealed, missed its deadline or was replaced.</summary>
    MarketSlotNotAssigned = 751,

    /// <summary>The slot is not waiting for a reveal: it has not committed, already revealed, missed its deadline or was replaced.</summary>
    MarketSlotNotCommitted = 752,

    /// <summary>Reveals are not open yet: another slot of the round has not committed, or the spot-check draw has not happened.</summary>
    MarketRevealNotOpen = 753,

    /// <summary>SHA-256(output ‖ salt ‖ provider) of the reveal does not equal the slot's commitment (a wrong output or salt).</summary>
    MarketCommitmentMismatch = 754,

    /// <summary>An agree mask on a slot that is not an arbiter's, or with bits beyond the job's slots.</summary>
    MarketBadAgreeMask = 755,

    /// <summary>The job's policy is not Canary, so it has no expected output to reveal.</summary>
    MarketNotCanary = 756,

    /// <summary>The canary job is not waiting for its expected output: its slots have not all revealed, the window is over, or it was already revealed.</summary>
    MarketExpectedNotOpen = 757,

    /// <summary>SHA-256(expected output ‖ salt) does not equal the job's seal.</summary>
    MarketSealMismatch = 758,
}
