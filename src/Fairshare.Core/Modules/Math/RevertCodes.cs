using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Math;

/// <summary>Maps the reference contracts' revert names (<c>defi-math.md</c> §0.3) to the ledger's stable result codes.</summary>
public static class RevertCodes
{
    private static readonly Dictionary<string, ResultCode> ByName = new(StringComparer.Ordinal)
    {
        [Checked.Overflow] = ResultCode.MathOverflow,
        [Checked.Underflow] = ResultCode.MathUnderflow,
        [Checked.DivisionByZero] = ResultCode.DivisionByZero,
        ["INSUFFICIENT_LIQUIDITY"] = ResultCode.InsufficientLiquidity,
        ["INSUFFICIENT_INPUT_AMOUNT"] = ResultCode.InsufficientInputAmount,
        ["INSUFFICIENT_OUTPUT_AMOUNT"] = ResultCode.InsufficientOutputAmount,
        ["EXCESSIVE_INPUT_AMOUNT"] = ResultCode.ExcessiveInputAmount,
        ["INSUFFICIENT_AMOUNT"] = ResultCode.InsufficientAmount,
        ["INSUFFICIENT_A_AMOUNT"] = ResultCode.InsufficientAAmount,
        ["INSUFFICIENT_B_AMOUNT"] = ResultCode.InsufficientBAmount,
        ["K"] = ResultCode.KInvariant,
        ["OVERFLOW"] = ResultCode.ReserveOverflow,
        ["INSUFFICIENT_LIQUIDITY_MINTED"] = ResultCode.InsufficientLiquidityMinted,
        ["INSUFFICIENT_LIQUIDITY_BURNED"] = ResultCode.InsufficientLiquidityBurned,
        ["LOCKED"] = ResultCode.PoolLocked,
        ["INVALID_PATH"] = ResultCode.BadPath,
        ["PROVIDED_REWARD_TOO_HIGH"] = ResultCode.ProvidedRewardTooHigh,
        ["CANNOT_STAKE_0"] = ResultCode.CannotStake0,
        ["CANNOT_WITHDRAW_0"] = ResultCode.CannotWithdraw0,
        ["PREVIOUS_PERIOD_NOT_COMPLETE"] = ResultCode.PreviousPeriodNotComplete,
        ["INVALID_PROPOSAL_ID"] = ResultCode.ProposalNotFound,
        ["PROPOSER_VOTES_BELOW_THRESHOLD"] = ResultCode.ProposerBelowThreshold,
        ["MUST_PROVIDE_ACTIONS"] = ResultCode.NoActions,
        ["TOO_MANY_ACTIONS"] = ResultCode.TooManyActions,
        ["ONE_LIVE_PROPOSAL_PER_PROPOSER_ACTIVE"] = ResultCode.ProposerHasLiveProposal,
        ["ONE_LIVE_PROPOSAL_PER_PROPOSER_PENDING"] = ResultCode.ProposerHasLiveProposal,
        ["VOTING_IS_CLOSED"] = ResultCode.VotingClosed,
        ["INVALID_VOTE_TYPE"] = ResultCode.InvalidVoteType,
        ["VOTER_ALREADY_VOTED"] = ResultCode.AlreadyVoted,
        ["PROPOSAL_NOT_SUCCEEDED"] = ResultCode.ProposalNotSucceeded,
        ["PROPOSAL_NOT_QUEUED"] = ResultCode.ProposalNotQueued,
        ["TIMELOCK_NOT_SURPASSED"] = ResultCode.TimelockNotSurpassed,
        ["TIMELOCK_STALE"] = ResultCode.TimelockStale,
        ["CANNOT_CANCEL_EXECUTED"] = ResultCode.CannotCancelExecuted,
        ["PROPOSER_ABOVE_THRESHOLD"] = ResultCode.ProposerAboveThreshold,
        ["PRICE_ERROR"] = ResultCode.LendPriceUnavailable,
        ["BORROW_CASH_NOT_AVAILABLE"] = ResultCode.LendCashNotAvailable,
        ["REDEEM_TRANSFER_OUT_NOT_POSSIBLE"] = ResultCode.LendCashNotAvailable,
        ["ONE_OF_REDEEM_INPUTS_MUST_BE_ZERO"] = ResultCode.LendBadRedeemInputs,
        ["REDEEM_TOKENS_ZERO"] = ResultCode.LendRedeemTokensZero,
        ["INSUFFICIENT_SHORTFALL"] = ResultCode.LendInsufficientShortfall,
        ["TOO_MUCH_REPAY"] = ResultCode.LendRepayAboveCloseFactor,
        ["CAN_NOT_REPAY_MORE_THAN_TOTAL_BORROW"] = ResultCode.LendRepayExceedsBorrow,
        ["LIQUIDATE_CLOSE_AMOUNT_IS_ZERO"] = ResultCode.LendBadLiquidationAmount,
        ["LIQUIDATE_CLOSE_AMOUNT_IS_UINT_MAX"] = ResultCode.LendBadLiquidationAmount,
        ["BORROW_RATE_ABSURDLY_HIGH"] = ResultCode.LendBorrowRateTooHigh,
        ["INDEX_OUT_OF_RANGE"] = ResultCode.StableBadCoinIndex,
        ["SAME_COIN"] = ResultCode.StableSameCoin,
        ["SLIPPAGE"] = ResultCode.StableSlippage,
        ["INITIAL_DEPOSIT_REQUIRES_ALL_COINS"] = ResultCode.StableInitialDepositNeedsAllCoins,
        ["INVARIANT_NOT_INCREASED"] = ResultCode.StableInvariantNotIncreased,
        ["ZERO_TOKENS_BURNED"] = ResultCode.StableZeroTokensBurned,
        ["NO_CONVERGENCE"] = ResultCode.StableNoConvergence,
    };

    /// <summary>The code of a revert name; <see cref="ResultCode.ModuleReverted"/> for a name without its own code.</summary>
    public static ResultCode ToResultCode(string error) => ByName.GetValueOrDefault(error, ResultCode.ModuleReverted);
}
