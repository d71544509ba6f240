using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Output;

/// <summary>
/// What each <see cref="ResultCode"/> means to a person using the CLI: one sentence saying what went wrong and, where
/// there is one, what to do (the command, option or governed parameter to look at), ending with the code's name in
/// parentheses. <c>fairshare explain</c> prints it, and a rejected transaction's error line carries it.
/// </summary>
public static class ResultCodeHelp
{
    /// <summary>Every defined code, in number order.</summary>
    public static IReadOnlyList<ResultCode> All { get; } = Enum.GetValues<ResultCode>();

    /// <summary>
    /// The range a code's number falls in, as the summary of <see cref="ResultCode"/> lays them out: decoding (1xx),
    /// authentication (2xx), execution (3xx), blocks (4xx), genesis (5xx) and the modules (6xx–7xx, each its own range).
    /// </summary>
    public static string Area(ResultCode code) => (ushort)code switch
    {
        0 => "success",
        >= 100 and < 200 => "decoding",
        >= 200 and < 300 => "authentication",
        >= 300 and < 400 => "execution",
        >= 400 and < 500 => "blocks",
        >= 500 and < 600 => "genesis",
        >= 600 and < 610 => "module: math",
        >= 610 and < 640 => "module: AMM",
        >= 640 and < 660 => "module: lending",
        >= 660 and < 680 => "module: farming",
        >= 680 and < 700 => "module: governance",
        >= 700 and < 720 => "module: StableSwap",
        >= 720 and < 740 => "module: staking",
        >= 740 and < 800 => "module: market",
        _ => "unassigned",
    };

    /// <summary>
    /// A lower-case sentence for a result code, saying what went wrong and what to do, ending with the code's name in
    /// parentheses. Every defined code has its own; a value that is not a defined code throws.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a defined <see cref="ResultCode"/>.</exception>
    public static string Explain(ResultCode code) => code switch
    {
        ResultCode.Ok => "the transaction succeeded; nothing went wrong (Ok)",

        // 1xx decoding: bytes the node could not read. The CLI encodes correctly, so these mean altered or damaged bytes
        // or a CLI and a node of different versions.
        ResultCode.Truncated => "the bytes of a transaction or block ended before the structure was complete: the data is damaged or the CLI and the node run different fairshare versions (Truncated)",
        ResultCode.TrailingBytes => "bytes were left after a transaction or block ended: the data is damaged or the CLI and the node run different fairshare versions (TrailingBytes)",
        ResultCode.NonCanonicalVarInt => "a variable-length integer was not in its shortest form, which the canonical encoding forbids: the bytes were not written by fairshare's encoder (NonCanonicalVarInt)",
        ResultCode.VarIntOverflow => "a variable-length integer in the bytes exceeded 64 bits: the data is damaged or was not written by fairshare's encoder (VarIntOverflow)",
        ResultCode.LengthTooLarge => "a field is longer than its limit, such as a proposal's --description over 256 bytes in 'fairshare gov propose'; shorten it (LengthTooLarge)",
        ResultCode.NonCanonicalAmount => "an encoded amount had a leading zero byte, which the canonical encoding forbids: the bytes were not written by fairshare's encoder (NonCanonicalAmount)",
        ResultCode.AmountTooLong => "an encoded amount was longer than 32 bytes, past 2^256 - 1: the data is damaged or was not written by fairshare's encoder (AmountTooLong)",
        ResultCode.UnknownTag => "the bytes carry a transaction kind, format or version this node does not know: run the same fairshare version on the CLI and the node (UnknownTag)",
        ResultCode.InvalidUtf8 => "a text field, such as a proposal's description, is not valid UTF-8 (InvalidUtf8)",
        ResultCode.InvalidValue => "a field holds a value outside its domain, such as 'fairshare gov delegate --to' naming the governance escrow account, which cannot hold votes (InvalidValue)",
        ResultCode.TooManyItems => "a list holds more items than its limit, such as a swap path of more than 5 assets (--via) or more than 10 --set changes in one proposal (TooManyItems)",
        ResultCode.Oversized => "the transaction is over 16 KiB or the block over 64 MiB; send less in one transaction (Oversized)",

        // 2xx authentication: checked before anything runs.
        ResultCode.BadSignature => "the transaction's signature does not verify against its sender's key: the bytes were altered or signed with another key; send it again from the CLI (BadSignature)",
        ResultCode.WrongChainId => "the transaction was signed for another chain than the node's: --data and --node point at different chains (WrongChainId)",
        ResultCode.NonceReplayed => "this nonce was already used: the transaction, or another one with the same nonce, is already committed; check the nonce with 'fairshare balance NAME' before sending again (NonceReplayed)",
        ResultCode.NonceGap => "the nonce skips ahead of the account's next nonce, usually because an earlier transaction of the account is not committed yet; wait for it and check the nonce with 'fairshare balance NAME' (NonceGap)",
        ResultCode.FeeTooLow => "the fee is below the chain's minimum (ledger.min-fee); raise --fee, or leave it out to pay the minimum (FeeTooLow)",

        // 3xx execution: the ledger's own transactions and shared checks of every module.
        ResultCode.InsufficientBalance => "the balance does not cover the amount and the fee (InsufficientBalance)",
        ResultCode.AmountOverflow => "a balance, supply or escrow would pass 2^256 - 1 base units; use a smaller amount (AmountOverflow)",
        ResultCode.UnknownAsset => "the asset is not registered on this chain; 'fairshare balance NAME' lists the assets there are (UnknownAsset)",
        ResultCode.ZeroAmount => "the amount must be positive; raise --amount (ZeroAmount)",
        ResultCode.NotIssuer => "only the USDF issuer may mint or burn USDF; send 'fairshare usdf mint' or 'fairshare usdf burn' --from the issuer's key (NotIssuer)",
        ResultCode.NothingToClaim => "nothing has vested since the last claim, or the account has no vesting; see 'FSH claimable now' in 'fairshare balance NAME' (NothingToClaim)",
        ResultCode.BadBatch => "a batch transaction was empty, had more than 16 steps, or held another batch (BadBatch)",
        ResultCode.Unauthorized => "a step of the transaction is not allowed for this sender; send it --from the key that is entitled to it (Unauthorized)",

        // 4xx blocks: seen when replaying or receiving blocks, never for one transaction.
        ResultCode.BadHeight => "a block's height is not the one after the chain's head: the store or the node's blocks skip or repeat a height; check it with 'fairshare verify-chain' (BadHeight)",
        ResultCode.BadPreviousHash => "a block does not link to the hash of the block before it: the blocks come from another fork or the store is damaged; check it with 'fairshare verify-chain' (BadPreviousHash)",
        ResultCode.TimestampNotMonotonic => "a block's timestamp is not later than the previous block's: the block is invalid, or the store is damaged; check it with 'fairshare verify-chain' (TimestampNotMonotonic)",
        ResultCode.BadTransactionRoot => "a block's transaction root or count does not match its transactions: the block was altered; check it with 'fairshare verify-chain' (BadTransactionRoot)",
        ResultCode.BadStateRoot => "re-executing a block gave another state root than its header holds: the store is damaged or the node runs other rules (another fairshare version); check it with 'fairshare verify-chain' (BadStateRoot)",
        ResultCode.BadReceiptsRoot => "a block's receipts root does not match re-executing it: the store is damaged or the node runs another fairshare version; check it with 'fairshare verify-chain' (BadReceiptsRoot)",
        ResultCode.BadBlockSignature => "a block's proposer is not a validator, or a validator signature is missing or wrong: the block did not come from this chain's validators (BadBlockSignature)",
        ResultCode.FailedTransactionInBlock => "a block holds a transaction that fails when re-executed, and valid blocks hold only successful ones: the block or the store is bad; check it with 'fairshare verify-chain' (FailedTransactionInBlock)",
        ResultCode.BlockWrongChainId => "a block names another chain than the genesis: --data and --node point at different chains (BlockWrongChainId)",

        // 5xx genesis: 'fairshare init --genesis FILE' and nodes loading a genesis.
        ResultCode.GenesisMalformed => "the genesis file is not valid JSON or misses a field; fix the file given to 'fairshare init --genesis' where the error points (GenesisMalformed)",
        ResultCode.GenesisBadAddress => "the genesis file holds an address that is not a Fairshare address (fs1…) or a validator key that is not 64 hex digits; fix the file given to 'fairshare init --genesis' (GenesisBadAddress)",
        ResultCode.GenesisBadAmount => "the genesis file holds an amount that is zero or not a decimal with at most the asset's decimals; fix the file given to 'fairshare init --genesis' (GenesisBadAmount)",
        ResultCode.GenesisDuplicateAllocation => "the genesis file allocates to the same address twice; merge the two allocations (GenesisDuplicateAllocation)",
        ResultCode.GenesisSupplyOverflow => "the genesis allocations sum past 2^256 - 1 base units; lower them (GenesisSupplyOverflow)",
        ResultCode.GenesisBadVesting => "a vesting schedule in the genesis file has a zero duration_blocks or a cliff_blocks past duration_blocks (GenesisBadVesting)",
        ResultCode.GenesisBadValue => "a value in the genesis file is unknown or out of range: chain_id, an asset, a cohort, the validators or a module_params entry, whose names and ranges 'fairshare gov params' lists (GenesisBadValue)",

        // 60x math.
        ResultCode.ModuleReverted => "a module refused the transaction for a reason that has no code of its own; check the amounts against the pool or market the command uses (ModuleReverted)",
        ResultCode.MathOverflow => "a module's arithmetic passed 2^256 - 1, usually because an amount is far too large; use a smaller amount (MathOverflow)",
        ResultCode.MathUnderflow => "a module's arithmetic went below zero, usually because an amount is larger than the pool, market or position holds; use a smaller amount (MathUnderflow)",
        ResultCode.DivisionByZero => "a module divided by zero, usually on an empty pool or market; add liquidity or supply first (DivisionByZero)",

        // 61x-62x AMM.
        ResultCode.PoolNotFound => "there is no pool for this pair, or no StableSwap pool with this id; see 'fairshare dex pools' or 'fairshare stable pools' (PoolNotFound)",
        ResultCode.PoolExists => "the pair, or that set of stable coins, already has a pool; add to it with 'fairshare dex add' or 'fairshare stable add' (PoolExists)",
        ResultCode.SameAsset => "a pool or swap needs two different assets, but the same asset is named twice (--sell and --buy, --a and --b, or --assets) (SameAsset)",
        ResultCode.InsufficientLiquidity => "the pool's reserves cannot cover this trade: the pool is empty, or the trade asks for all a reserve holds or more; trade less, see 'fairshare dex pools' (InsufficientLiquidity)",
        ResultCode.InsufficientInputAmount => "nothing was paid into the pool: the swap's input is zero, or a flash swap paid nothing back; raise --amount (InsufficientInputAmount)",
        ResultCode.InsufficientOutputAmount => "the swap would pay out nothing, or less than your slippage limit allows because the price moved; quote again with 'fairshare dex quote' or raise --slippage (InsufficientOutputAmount)",
        ResultCode.ExcessiveInputAmount => "with --exact-out, the swap would cost more than your slippage limit allows because the price moved; quote again with 'fairshare dex quote' or raise --slippage (ExcessiveInputAmount)",
        ResultCode.InsufficientAmount => "an amount of zero was priced against the pool; give positive --amount-a and --amount-b (InsufficientAmount)",
        ResultCode.InsufficientAAmount => "the pool's ratio moved past your slippage limit for the first asset (--a): adding would take, or removing would pay, less of it than the minimum; raise --slippage (InsufficientAAmount)",
        ResultCode.InsufficientBAmount => "the pool's ratio moved past your slippage limit for the second asset (--b): adding would take, or removing would pay, less of it than the minimum; raise --slippage (InsufficientBAmount)",
        ResultCode.KInvariant => "the pool's fee-adjusted constant product would fall: too little was paid in, or a flash swap was not paid back with its 0.3% fee (KInvariant)",
        ResultCode.ReserveOverflow => "a pool reserve would pass 2^112 - 1 base units; deposit or trade a smaller amount (ReserveOverflow)",
        ResultCode.InsufficientLiquidityMinted => "the deposit is too small to mint any LP share (a new pool also locks 1000 base units of them); deposit more with 'fairshare dex add' (InsufficientLiquidityMinted)",
        ResultCode.InsufficientLiquidityBurned => "the LP shares burned are too few to pay out some of both assets; raise --liquidity in 'fairshare dex remove' (InsufficientLiquidityBurned)",
        ResultCode.PoolLocked => "the pool is in the middle of a flash swap in this same transaction and takes no other step until that is paid back (PoolLocked)",
        ResultCode.OracleNotReady => "the pool's TWAP oracle has no observation older than amm.twap-period-seconds yet; wait for the period to pass, see the TWAP column of 'fairshare dex pools' (OracleNotReady)",
        ResultCode.BadPath => "the swap path is shorter than two assets, longer than 5, or goes through the same pool twice; check --sell, --via and --buy (BadPath)",
        ResultCode.FlashLoanNotRepaid => "a flash loan was not paid back with its fee (lend.flash-loan-fee-bps) by the end of the same transaction (FlashLoanNotRepaid)",
        ResultCode.ParameterOutOfRange => "a parameter value is outside its allowed range; see the ranges in 'fairshare gov params' (ParameterOutOfRange)",

        // 64x lending.
        ResultCode.LendMarketNotFound => "there is no lending market for this asset; supplying it with 'fairshare lend supply' creates one, see 'fairshare lend markets' (LendMarketNotFound)",
        ResultCode.LendMarketExists => "the asset already has a lending market; supply to it with 'fairshare lend supply' (LendMarketExists)",
        ResultCode.LendBadUnderlying => "a market's cToken cannot be the asset of a lending market itself; supply the underlying asset instead (LendBadUnderlying)",
        ResultCode.LendPriceUnavailable => "an asset the action needs a price for has no mature TWAP: its AMM pool against USDF is missing or younger than amm.twap-period-seconds; see 'fairshare dex pools' (LendPriceUnavailable)",
        ResultCode.LendInsufficientLiquidity => "the borrow or redeem would leave the account's collateral short of its borrows; see 'fairshare lend account' (LendInsufficientLiquidity)",
        ResultCode.LendCashNotAvailable => "the market has not enough cash (supplied minus borrowed) to pay this borrow, redeem or flash loan out now; take less, see 'fairshare lend markets' (LendCashNotAvailable)",
        ResultCode.LendBadRedeemInputs => "a redeem names both a cToken amount and an underlying amount; give exactly one of --amount, --tokens or --all to 'fairshare lend redeem' (LendBadRedeemInputs)",
        ResultCode.LendRedeemTokensZero => "the redeem is so small that it would burn no cToken; raise --amount or give --tokens (LendRedeemTokensZero)",
        ResultCode.LendMintTooSmall => "the supply is too small to mint any cToken (the first supply to a new market must mint more than the 1000 base units it locks); raise --amount (LendMintTooSmall)",
        ResultCode.LendRepayExceedsBorrow => "the repay is more than the borrow balance; repay less, or use --all in 'fairshare lend repay' (LendRepayExceedsBorrow)",
        ResultCode.LendNoBorrow => "the account has no borrow to repay in this market; see 'fairshare lend account' (LendNoBorrow)",
        ResultCode.LendInsufficientShortfall => "the borrower has no shortfall, so it cannot be liquidated; see 'fairshare lend account' for the borrower (LendInsufficientShortfall)",
        ResultCode.LendRepayAboveCloseFactor => "a liquidation may repay at most lend.close-factor of the borrow; lower --amount (LendRepayAboveCloseFactor)",
        ResultCode.LendBadLiquidationAmount => "a liquidation must repay a positive amount that is not the whole debt as 'all'; give --amount (LendBadLiquidationAmount)",
        ResultCode.LendLiquidatorIsBorrower => "an account cannot liquidate itself; --borrower must be another account than --from (LendLiquidatorIsBorrower)",
        ResultCode.LendSeizeTooMuch => "the borrower holds fewer cTokens of the --collateral market than this liquidation would seize; repay less or pick another --collateral (LendSeizeTooMuch)",
        ResultCode.LendBorrowRateTooHigh => "the market's borrow rate is above the per-block cap, so interest cannot accrue and the market refuses this action; see 'fairshare lend markets' (LendBorrowRateTooHigh)",

        // 66x farming.
        ResultCode.FarmNotFound => "no farm has this id; see 'fairshare farm list' (FarmNotFound)",
        ResultCode.NotRewardsDistribution => "only the treasury (the genesis params.treasury) may create, fund or reconfigure farms; on a local chain, init with a genesis whose treasury is one of your keys (NotRewardsDistribution)",
        ResultCode.ProvidedRewardTooHigh => "the reward rate notified is not covered by the farm's FSH balance over its reward period; notify less with 'fairshare farm notify' (ProvidedRewardTooHigh)",
        ResultCode.CannotStake0 => "a farm stake must be positive; raise --amount in 'fairshare farm stake' (CannotStake0)",
        ResultCode.CannotWithdraw0 => "a farm withdrawal of zero, or --all with nothing staked; see your stake with 'fairshare farm list --account NAME' (CannotWithdraw0)",
        ResultCode.PreviousPeriodNotComplete => "a farm's reward duration may change only after its current period ends; see the period end in 'fairshare farm list' (PreviousPeriodNotComplete)",
        ResultCode.BadRewardsDuration => "a reward period must last between one second and ten years; fix --duration (BadRewardsDuration)",
        ResultCode.InsufficientStake => "the withdrawal is more than your stake in the farm; see it with 'fairshare farm list --account NAME' (InsufficientStake)",

        // 68x governance.
        ResultCode.ProposalNotFound => "no proposal has this id; see 'fairshare gov list' (ProposalNotFound)",
        ResultCode.ProposerBelowThreshold => "the proposer's votes at the previous block are not above gov.proposal-threshold; lock more FSH with 'fairshare gov lock' and propose a block later (ProposerBelowThreshold)",
        ResultCode.NoActions => "a proposal must carry at least one change; give --set NAME=VALUE (NoActions)",
        ResultCode.TooManyActions => "a proposal carries more than 10 changes; split the --set options over several proposals (TooManyActions)",
        ResultCode.ProposerHasLiveProposal => "the proposer's latest proposal is still pending or active; wait until its vote ends or cancel it with 'fairshare gov cancel' (ProposerHasLiveProposal)",
        ResultCode.VotingClosed => "the proposal is not open for votes now: voting has not started or has ended; see 'fairshare gov show' (VotingClosed)",
        ResultCode.InvalidVoteType => "a vote must be against, for or abstain (0, 1 or 2); fix --support (InvalidVoteType)",
        ResultCode.AlreadyVoted => "this account already voted on the proposal, and a vote cannot change (AlreadyVoted)",
        ResultCode.ProposalNotSucceeded => "only a succeeded proposal can be queued; see its state with 'fairshare gov show' (ProposalNotSucceeded)",
        ResultCode.ProposalNotQueued => "only a queued proposal can be executed; queue it first with 'fairshare gov queue' (ProposalNotQueued)",
        ResultCode.TimelockNotSurpassed => "the timelock has not passed yet; execute after the eta shown by 'fairshare gov show' (TimelockNotSurpassed)",
        ResultCode.TimelockStale => "the grace period after the proposal's eta (gov.grace-period-seconds) has passed, so it can no longer be executed; propose it again (TimelockStale)",
        ResultCode.CannotCancelExecuted => "an executed proposal cannot be canceled; to undo its changes, propose the old values with 'fairshare gov propose' (CannotCancelExecuted)",
        ResultCode.ProposerAboveThreshold => "only the proposer may cancel while the proposer's votes are at or above gov.proposal-threshold (ProposerAboveThreshold)",
        ResultCode.UnknownGovParameter => "governance cannot change that parameter; see 'fairshare gov params' (UnknownGovParameter)",
        ResultCode.NotEnoughLocked => "the account has less FSH locked in governance than it asked to unlock; lower --amount in 'fairshare gov unlock' (NotEnoughLocked)",

        // 70x StableSwap.
        ResultCode.StableBadCoinCount => "a StableSwap pool needs 2 or 3 coins; list 2 or 3 in --assets (StableBadCoinCount)",
        ResultCode.StableBadAmplification => "the amplification A must be 1 to 1,000,000; fix --a in 'fairshare stable add' (StableBadAmplification)",
        ResultCode.StableBadDecimals => "a StableSwap coin may have at most 18 decimals; pick other --assets (StableBadDecimals)",
        ResultCode.StableBadCoinIndex => "a coin is not one of the pool's coins; check --sell, --buy or --coin against 'fairshare stable pools' (StableBadCoinIndex)",
        ResultCode.StableSlippage => "the stable pool moved past your slippage limit; try again or raise --slippage (StableSlippage)",
        ResultCode.StableInitialDepositNeedsAllCoins => "the first deposit into an empty stable pool must hold some of every coin; give a positive amount for each coin in --amounts (StableInitialDepositNeedsAllCoins)",
        ResultCode.StableInvariantNotIncreased => "the deposit would not raise the pool's invariant D, for example when every amount is zero; deposit more in --amounts (StableInvariantNotIncreased)",
        ResultCode.StableZeroTokensBurned => "the withdrawal of these coin amounts would burn no LP shares; ask for larger amounts (StableZeroTokensBurned)",
        ResultCode.StableNoConvergence => "the pool's invariant did not settle within 255 steps, which happens with extreme balances or amounts; use a smaller amount (StableNoConvergence)",
        ResultCode.StableBadAmountCount => "the list of amounts or minimums does not have one entry per coin of the pool; give one per coin in --amounts, in --assets order (StableBadAmountCount)",
        ResultCode.StableEmptyPool => "the stable pool has no liquidity yet; deposit every coin first with 'fairshare stable add' (StableEmptyPool)",
        ResultCode.StableSameCoin => "an exchange needs two different coins, but --sell and --buy name the same one (StableSameCoin)",

        // 72x-73x staking.
        ResultCode.StakeZeroAmount => "a staking amount must be positive; raise --amount (StakeZeroAmount)",
        ResultCode.StakeBelowMinSelfBond => "a provider's first bond must reach stake.min-self-bond; see 'fairshare gov params' (StakeBelowMinSelfBond)",
        ResultCode.StakeCommissionTooHigh => "the commission is above stake.max-commission-bps; lower --commission, see 'fairshare gov params' (StakeCommissionTooHigh)",
        ResultCode.StakePoolNotFound => "that provider has no stake pool (it never bonded); see 'fairshare stake show' (StakePoolNotFound)",
        ResultCode.StakeSelfDelegation => "a provider adds to its own pool with 'fairshare stake bond', not by delegating to itself (StakeSelfDelegation)",
        ResultCode.StakeInsufficientStake => "your position in that pool is worth less than the amount; see 'fairshare stake show PROVIDER' (StakeInsufficientStake)",
        ResultCode.StakeNothingToWithdraw => "no unbonding entry of yours has completed yet (each waits stake.unbonding-blocks); see 'fairshare stake show PROVIDER' (StakeNothingToWithdraw)",
        ResultCode.StakeNothingToClaim => "that pool owes you no rewards (StakeNothingToClaim)",
        ResultCode.StakeCommissionChangeTooLarge => "one change may move the commission by at most stake.max-commission-change-bps from the one in force; pick a closer --commission (StakeCommissionChangeTooLarge)",
        ResultCode.StakePoolWipedOut => "the pool was slashed to nothing and takes no new stake (StakePoolWipedOut)",
        ResultCode.StakeBadSlashFraction => "a slash fraction above 1,000,000 ppm was asked for, which is a bug in the caller rather than anything a command sends (StakeBadSlashFraction)",

        // 74x-78x market.
        ResultCode.MarketBadOffer => "the provider offer has a field out of range: a zero --price or --capacity, a --region over 16 characters or not printable ASCII, --renewable over 100, or a device other than CPU or GPU (MarketBadOffer)",
        ResultCode.MarketInsufficientSelfBond => "the provider's own bonded stake is below stake.min-self-bond, so it may not register an offer; bond first with 'fairshare stake bond' (MarketInsufficientSelfBond)",
        ResultCode.MarketNotRegistered => "the sender has no registered compute offer; register one with 'fairshare provider register' (MarketNotRegistered)",
        ResultCode.MarketBadJobSpec => "the job has a field out of range: zero work units or price cap, a --deadline-blocks outside 1 to 100000, an unknown --policy or device, or a missing model or input; check it with 'fairshare job quote' (MarketBadJobSpec)",
        ResultCode.MarketBadReplicas => "the replica count must be 2 to 5 with --policy replicate, and 1 for spot-check and canary; fix --replicas (MarketBadReplicas)",
        ResultCode.MarketJobNotFound => "no compute job has this id; see 'fairshare job list' (MarketJobNotFound)",
        ResultCode.MarketNotJobClient => "only the job's client may cancel it or reveal its expected output; sign with the key that submitted it (--from or --dev-key) (MarketNotJobClient)",
        ResultCode.MarketJobNotCancellable => "the job can no longer be cancelled: a provider was already assigned, or it is closed; see 'fairshare job status' (MarketJobNotCancellable)",
        ResultCode.MarketJobNotActive => "the job is not running or disputed, so its slots take no commits or reveals; the provider's message came too late (MarketJobNotActive)",
        ResultCode.MarketBadSlot => "the slot index is beyond the job's slots; see 'fairshare market job show' (MarketBadSlot)",
        ResultCode.MarketNotSlotProvider => "the sender is not the provider the slot was assigned to; commit and reveal with the provider's own key (MarketNotSlotProvider)",
        ResultCode.MarketSlotNotAssigned => "the slot is not waiting for a commit: it already committed or revealed, missed its deadline, or was replaced; see 'fairshare market job show' (MarketSlotNotAssigned)",
        ResultCode.MarketSlotNotCommitted => "the slot is not waiting for a reveal: it has not committed, already revealed, missed its deadline, or was replaced; see 'fairshare market job show' (MarketSlotNotCommitted)",
        ResultCode.MarketRevealNotOpen => "reveals are not open yet: another slot of the round has not committed, or the spot-check draw has not happened; reveal in a later block (MarketRevealNotOpen)",
        ResultCode.MarketCommitmentMismatch => "the revealed output and salt do not hash to the slot's commitment; reveal exactly the output and salt that were committed (MarketCommitmentMismatch)",
        ResultCode.MarketBadAgreeMask => "an agree mask was sent for a slot that is not an arbiter's, or with bits beyond the job's slots (MarketBadAgreeMask)",
        ResultCode.MarketNotCanary => "the job's policy is not canary, so it has no expected output to reveal (MarketNotCanary)",
        ResultCode.MarketExpectedNotOpen => "the canary job is not waiting for its expected output: its slots have not all revealed, the window (market.expected-window-blocks) is over, or it was already revealed (MarketExpectedNotOpen)",
        ResultCode.MarketSealMismatch => "the expected output and salt do not hash to the seal the job was submitted with; reveal the same expected output and salt (MarketSealMismatch)",

        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a defined result code"),
    };
}
