using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>
/// The farming module's transaction handlers: Synthetix <c>StakingRewards</c> (<see cref="StakingRewards"/>, exact to
/// <c>defi-math.md</c> §4) on ledger balances. The treasury (<see cref="ChainParams.Treasury"/>) is every farm's owner
/// and <c>rewardsDistribution</c>: it creates farms, notifies FSH rewards out of its own balance and sets reward
/// durations; anyone stakes, withdraws and claims. Time is the block's, in whole seconds. Every change goes through
/// the transaction's journal, so a revert anywhere leaves nothing behind.
/// </summary>
public static class FarmingModule
{
    /// <summary>The longest reward period accepted: ten 365-day years, in seconds.</summary>
    public const ulong MaxRewardsDuration = 315_360_000;

    /// <summary>Creates a farm for <paramref name="stakingAsset"/> with reward periods of <paramref name="rewardsDuration"/> seconds.</summary>
    public static ResultCode Create(TxContext context, AssetId stakingAsset, ulong rewardsDuration)
    {
        var state = context.State;
        if (context.Sender.Address != state.Params.Treasury) return ResultCode.NotRewardsDistribution;
        if (state.FindAsset(stakingAsset) is null) return ResultCode.UnknownAsset;
        if (!IsValidDuration(rewardsDuration)) return ResultCode.BadRewardsDuration;
        FarmRegistry.Put(state, Farm.Create(FarmRegistry.NextId(state), stakingAsset, rewardsDuration));
        return ResultCode.Ok;
    }

    /// <summary>
    /// <c>notifyRewardAmount</c>: the treasury moves <paramref name="reward"/> FSH into the farm (tagged
    /// <see cref="FlowTag.Emission"/>), then the contract spreads it, with what is left of a running period, over a new
    /// period starting now, checked against the farm's FSH balance (<c>PROVIDED_REWARD_TOO_HIGH</c>).
    /// </summary>
    public static ResultCode NotifyReward(TxContext context, uint farmId, Amount reward)
    {
        var state = context.State;
        if (context.Sender.Address != state.Params.Treasury) return ResultCode.NotRewardsDistribution;
        if (FarmRegistry.Get(state, farmId) is not { } farm) return ResultCode.FarmNotFound;
        var rewardAccount = FarmRegistry.RewardAccount(farmId);
        var code = context.Move(context.Sender.Address, rewardAccount, Farm.RewardAsset, reward, FlowTag.Emission);
        if (code != ResultCode.Ok) return code;
        var contract = farm.ToContract(default, state.BalanceOf(rewardAccount, Farm.RewardAsset));
        contract = StakingRewards.NotifyRewardAmount(contract, context.TimestampSeconds, reward.ToBigInteger());
        if (!Amount.TryAdd(farm.TotalNotified, reward, out var notified)) return ResultCode.AmountOverflow;
        FarmRegistry.Put(state, farm.WithContract(contract) with { TotalNotified = notified });
        return ResultCode.Ok;
    }

    /// <summary><c>setRewardsDuration</c>: the treasury changes the period length, only once the current period is over.</summary>
    public static ResultCode SetRewardsDuration(TxContext context, uint farmId, ulong rewardsDuration)
    {
        var state = context.State;
        if (context.Sender.Address != state.Params.Treasury) return ResultCode.NotRewardsDistribution;
        if (FarmRegistry.Get(state, farmId) is not { } farm) return ResultCode.FarmNotFound;
        if (!IsValidDuration(rewardsDuration)) return ResultCode.BadRewardsDuration;
        var contract = StakingRewards.SetRewardsDuration(farm.ToContract(default, Amount.Zero), context.TimestampSeconds, rewardsDuration);
        FarmRegistry.Put(state, farm.WithContract(contract));
        return ResultCode.Ok;
    }

    /// <summary><c>stake(amount)</c>: settles the sender's rewards, then locks <paramref name="amount"/> of the staking asset.</summary>
    public static ResultCode Stake(TxContext context, uint farmId, Amount amount)
    {
        var state = context.State;
        if (FarmRegistry.Get(state, farmId) is not { } farm) return ResultCode.FarmNotFound;
        var sender = context.Sender.Address;
        var contract = StakingRewards.Stake(Load(state, farm, sender), context.TimestampSeconds, 0, amount.ToBigInteger());
        var code = context.Move(sender, FarmRegistry.StakeAccount(farmId), farm.StakingAsset, amount, FlowTag.Liquidity);
        if (code != ResultCode.Ok) return code;
        Save(state, farm, sender, contract);
        return ResultCode.Ok;
    }

    /// <summary><c>withdraw(amount)</c>: settles the sender's rewards, then returns <paramref name="amount"/> of its stake.</summary>
    public static ResultCode Withdraw(TxContext context, uint farmId, Amount amount)
    {
        var state = context.State;
        if (FarmRegistry.Get(state, farmId) is not { } farm) return ResultCode.FarmNotFound;
        var sender = context.Sender.Address;
        if (amount > FarmRegistry.GetStake(state, farmId, sender).Balance) return ResultCode.InsufficientStake;
        var contract = StakingRewards.Withdraw(Load(state, farm, sender), context.TimestampSeconds, 0, amount.ToBigInteger());
        var code = context.Move(FarmRegistry.StakeAccount(farmId), sender, farm.StakingAsset, amount, FlowTag.Liquidity);
        if (code != ResultCode.Ok) return code;
        Save(state, farm, sender, contract);
        return ResultCode.Ok;
    }

    /// <summary><c>getReward()</c>: settles and pays the sender's rewards in FSH (zero is a no-op payment, as in the contract).</summary>
    public static ResultCode Claim(TxContext context, uint farmId)
    {
        var state = context.State;
        if (FarmRegistry.Get(state, farmId) is not { } farm) return ResultCode.FarmNotFound;
        var sender = context.Sender.Address;
        var claim = StakingRewards.GetReward(Load(state, farm, sender), context.TimestampSeconds, 0);
        return Pay(context, farm, claim);
    }

    /// <summary><c>exit()</c>: withdraws the sender's whole stake and pays its rewards, atomically.</summary>
    public static ResultCode Exit(TxContext context, uint farmId)
    {
        var state = context.State;
        if (FarmRegistry.Get(state, farmId) is not { } farm) return ResultCode.FarmNotFound;
        var sender = context.Sender.Address;
        var staked = FarmRegistry.GetStake(state, farmId, sender).Balance;
        var claim = StakingRewards.Exit(Load(state, farm, sender), context.TimestampSeconds, 0);
        var code = context.Move(FarmRegistry.StakeAccount(farmId), sender, farm.StakingAsset, staked, FlowTag.Liquidity);
        return code == ResultCode.Ok ? Pay(context, farm, claim) : code;
    }

    /// <summary>Whether a reward period length is accepted (positive: the contract divides by it; at most ten years).</summary>
    public static bool IsValidDuration(ulong rewardsDuration) => rewardsDuration is > 0 and <= MaxRewardsDuration;

    /// <summary>Moves a claim's FSH from the farm to the sender (tagged <see cref="FlowTag.Emission"/>) and stores the new state.</summary>
    private static ResultCode Pay(TxContext context, Farm farm, RewardClaim claim)
    {
        var paid = Farm.ToAmount(claim.Paid);
        var sender = context.Sender.Address;
        var code = context.Move(FarmRegistry.RewardAccount(farm.Id), sender, Farm.RewardAsset, paid, FlowTag.Emission);
        if (code != ResultCode.Ok) return code;
        Save(context.State, farm with { TotalPaid = farm.TotalPaid + paid }, sender, claim.State);
        return ResultCode.Ok;
    }

    /// <summary>The contract's storage for one staker: the farm, the account's position and the farm's FSH balance.</summary>
    private static StakingRewardsState Load(LedgerState state, Farm farm, Address account) =>
        farm.ToContract(FarmRegistry.GetStake(state, farm.Id, account), state.BalanceOf(FarmRegistry.RewardAccount(farm.Id), Farm.RewardAsset));

    /// <summary>Stores the farm and the staker's position after a transition.</summary>
    private static void Save(LedgerState state, Farm farm, Address account, StakingRewardsState contract)
    {
        FarmRegistry.Put(state, farm.WithContract(contract));
        FarmRegistry.PutStake(state, farm.Id, account, FarmStake.FromContract(contract.Accounts[0]));
    }
}
