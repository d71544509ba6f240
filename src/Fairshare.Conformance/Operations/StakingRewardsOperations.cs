using System.Numerics;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Modules.Math;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>staking_rewards</c> operations of defi-math.md §4.</summary>
public sealed class StakingRewardsOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "staking_rewards";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["last_time_reward_applicable"] = v => [new("last_time", Out(StakingRewardsMath.LastTimeRewardApplicable(v.Uint("now"), v.Uint("period_finish"))))],
            ["reward_per_token"] = v => [new("reward_per_token", Out(StakingRewardsMath.RewardPerToken(v.Uint("reward_per_token_stored"),
                v.Uint("last_update_time"), v.Uint("period_finish"), v.Uint("reward_rate"), v.Uint("total_supply"), v.Uint("now"))))],
            ["earned"] = v => [new("earned", Out(StakingRewardsMath.Earned(v.Uint("balance"), v.Uint("reward_per_token"),
                v.Uint("user_reward_per_token_paid"), v.Uint("rewards"))))],
            ["notify_reward_amount"] = v =>
            {
                var s = StakingRewardsMath.NotifyRewardAmount(v.Uint("reward"), v.Uint("now"), v.Uint("period_finish"), v.Uint("reward_rate"),
                    v.Uint("rewards_duration"), v.Uint("reward_token_balance"));
                return [new("reward_rate", Out(s.RewardRate)), new("last_update_time", Out(s.LastUpdateTime)), new("period_finish", Out(s.PeriodFinish))];
            },
            ["simulate"] = Simulate,
        };

    /// <summary>§4.1: runs the actions in order; a reverted action leaves the state as it was and records its error.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Simulate(VectorCase v)
    {
        var accounts = Count(v, "n_accounts");
        var state = StakingRewardsState.Initial(accounts, v.Uint("rewards_duration"));
        var steps = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        foreach (var action in SimulationAction.ReadAll(v))
        {
            var now = action.Uint("time");
            try
            {
                (state, var step) = Apply(state, action, now, accounts);
                steps.Add(step);
            }
            catch (RevertException revert)
            {
                steps.Add(SimulationOutput.Error(revert.Error));
            }
        }

        var endTime = v.Uint("end_time");
        var earnedAtEnd = Enumerable.Range(0, accounts).Select(k =>
        {
            try
            {
                return (StakingRewards.Earned(state, endTime, k), (string?)null);
            }
            catch (RevertException revert)
            {
                return (BigInteger.Zero, revert.Error);
            }
        }).ToList();
        return
        [
            new("steps", SimulationOutput.Steps(steps)),
            new("reward_rate", Out(state.RewardRate)),
            new("period_finish", Out(state.PeriodFinish)),
            new("last_update_time", Out(state.LastUpdateTime)),
            new("reward_per_token_stored", Out(state.RewardPerTokenStored)),
            new("total_supply", Out(state.TotalSupply)),
            new("balances", Out(state.Accounts.Select(a => a.Balance))),
            new("rewards", Out(state.Accounts.Select(a => a.Rewards))),
            new("user_reward_per_token_paid", Out(state.Accounts.Select(a => a.UserRewardPerTokenPaid))),
            new("reward_paid_out", Out(state.Accounts.Select(a => a.RewardPaidOut))),
            new("reward_token_balance", Out(state.RewardTokenBalance)),
            new("earned_at_end", SimulationOutput.NumbersOrErrors(earnedAtEnd)),
        ];
    }

    private static (StakingRewardsState State, KeyValuePair<string, string>[] Step) Apply(StakingRewardsState state, SimulationAction action, BigInteger now, int accounts)
    {
        switch (action.Type)
        {
            case "fund":
                return (StakingRewards.Fund(state, action.Uint("amount")), []);
            case "stake":
                return (StakingRewards.Stake(state, now, action.Index("account", accounts), action.Uint("amount")), []);
            case "withdraw":
                return (StakingRewards.Withdraw(state, now, action.Index("account", accounts), action.Uint("amount")), []);
            case "get_reward":
                {
                    var claim = StakingRewards.GetReward(state, now, action.Index("account", accounts));
                    return (claim.State, SimulationOutput.Step(("paid", claim.Paid)));
                }
            case "exit":
                {
                    var claim = StakingRewards.Exit(state, now, action.Index("account", accounts));
                    return (claim.State, SimulationOutput.Step(("paid", claim.Paid)));
                }
            case "notify":
                {
                    var next = StakingRewards.NotifyRewardAmount(state, now, action.Uint("amount"));
                    return (next, SimulationOutput.Step(("reward_rate", next.RewardRate)));
                }
            case "set_rewards_duration":
                return (StakingRewards.SetRewardsDuration(state, now, action.Uint("amount")), []);
            case "earned":
                return (state, SimulationOutput.Step(("earned", StakingRewards.Earned(state, now, action.Index("account", accounts)))));
            case "reward_per_token":
                return (state, SimulationOutput.Step(("reward_per_token", StakingRewards.RewardPerToken(state, now))));
            default:
                throw action.UnknownType();
        }
    }

    private static int Count(VectorCase v, string name)
    {
        var value = v.Uint(name);
        return value <= 10_000 ? (int)value : throw new VectorFileException($"{v.Id}: input '{name}' = {value} is too large");
    }
}
