using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Modules.Staking;

namespace Fairshare.Core.Modules;

/// <summary>The decoder of every module payload kind, by tag (<c>docs/protocol/encoding.md</c>).</summary>
public static class ModulePayloads
{
    private static readonly Dictionary<TxKind, ModulePayloadReader> Readers = new()
    {
        [TxKind.AmmCreatePool] = AmmCreatePoolPayload.Read,
        [TxKind.AmmAddLiquidity] = AmmAddLiquidityPayload.Read,
        [TxKind.AmmRemoveLiquidity] = AmmRemoveLiquidityPayload.Read,
        [TxKind.AmmSwap] = AmmSwapPayload.Read,
        [TxKind.AmmFlashSwap] = AmmFlashSwapPayload.Read,
        [TxKind.FarmCreate] = FarmCreatePayload.Read,
        [TxKind.FarmNotifyReward] = FarmNotifyRewardPayload.Read,
        [TxKind.FarmStake] = FarmStakePayload.Read,
        [TxKind.FarmWithdraw] = FarmWithdrawPayload.Read,
        [TxKind.FarmClaim] = FarmClaimPayload.Read,
        [TxKind.FarmExit] = FarmExitPayload.Read,
        [TxKind.FarmSetRewardsDuration] = FarmSetRewardsDurationPayload.Read,
        [TxKind.GovLock] = GovLockPayload.Read,
        [TxKind.GovUnlock] = GovUnlockPayload.Read,
        [TxKind.GovDelegate] = GovDelegatePayload.Read,
        [TxKind.GovPropose] = GovProposePayload.Read,
        [TxKind.GovVote] = GovVotePayload.Read,
        [TxKind.GovQueue] = GovQueuePayload.Read,
        [TxKind.GovExecute] = GovExecutePayload.Read,
        [TxKind.GovCancel] = GovCancelPayload.Read,
        [TxKind.LendCreateMarket] = LendCreateMarketPayload.Read,
        [TxKind.LendSupply] = LendSupplyPayload.Read,
        [TxKind.LendRedeem] = LendRedeemPayload.Read,
        [TxKind.LendBorrow] = LendBorrowPayload.Read,
        [TxKind.LendRepay] = LendRepayPayload.Read,
        [TxKind.LendLiquidate] = LendLiquidatePayload.Read,
        [TxKind.LendFlashLoan] = LendFlashLoanPayload.Read,
        [TxKind.StableCreatePool] = StableCreatePoolPayload.Read,
        [TxKind.StableAddLiquidity] = StableAddLiquidityPayload.Read,
        [TxKind.StableRemoveLiquidity] = StableRemoveLiquidityPayload.Read,
        [TxKind.StableRemoveOneCoin] = StableRemoveOneCoinPayload.Read,
        [TxKind.StableExchange] = StableExchangePayload.Read,
        [TxKind.StakeSelfBond] = StakeSelfBondPayload.Read,
        [TxKind.StakeDelegate] = StakeDelegatePayload.Read,
        [TxKind.StakeUnbond] = StakeUnbondPayload.Read,
        [TxKind.StakeWithdraw] = StakeWithdrawPayload.Read,
        [TxKind.StakeClaim] = StakeClaimPayload.Read,
        [TxKind.StakeSetCommission] = StakeSetCommissionPayload.Read,
        [TxKind.MarketRegister] = MarketRegisterPayload.Read,
        [TxKind.MarketHeartbeat] = MarketHeartbeatPayload.Read,
        [TxKind.MarketDeregister] = MarketDeregisterPayload.Read,
        [TxKind.MarketSubmitJob] = MarketSubmitJobPayload.Read,
        [TxKind.MarketCommit] = MarketCommitPayload.Read,
        [TxKind.MarketReveal] = MarketRevealPayload.Read,
        [TxKind.MarketRevealExpected] = MarketRevealExpectedPayload.Read,
        [TxKind.MarketCancelJob] = MarketCancelJobPayload.Read,
    };

    /// <summary>Reads the payload of a module kind; fails the reader with <c>UnknownTag</c> for a kind no module has.</summary>
    public static ModulePayload? Read(TxKind kind, ref CanonicalReader reader)
    {
        if (Readers.TryGetValue(kind, out var read)) return read(ref reader);
        reader.Fail(Primitives.ResultCode.UnknownTag);
        return null;
    }
}
