using System.Numerics;
using Fairshare.Conformance.Reference;
using Fairshare.Core.Modules.Math;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>masterchef</c> operations of defi-math.md §5.</summary>
public sealed class MasterChefOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "masterchef";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["get_multiplier"] = v => [new("multiplier", Out(MasterChefMath.GetMultiplier(v.Uint("from_block"), v.Uint("to_block"), v.Uint("bonus_end_block"))))],
            ["update_pool"] = v =>
            {
                var u = MasterChefMath.UpdatePool(Pool(v), v.Uint("block_number"), v.Uint("sushi_per_block"), v.Uint("total_alloc_point"), v.Uint("bonus_end_block"));
                return [new("acc_sushi_per_share", Out(u.Pool.AccSushiPerShare)), new("last_reward_block", Out(u.Pool.LastRewardBlock)),
                    new("sushi_reward", Out(u.SushiReward)), new("dev_reward", Out(u.DevReward))];
            },
            ["pending_sushi"] = v => [new("pending", Out(MasterChefMath.PendingSushi(new ChefUser(v.Uint("user_amount"), v.Uint("user_reward_debt")),
                Pool(v), v.Uint("block_number"), v.Uint("sushi_per_block"), v.Uint("total_alloc_point"), v.Uint("bonus_end_block"))))],
            ["simulate"] = Simulate,
        };

    private static ChefPool Pool(VectorCase v) =>
        new(v.Uint("alloc_point"), v.Uint("last_reward_block"), v.Uint("acc_sushi_per_share"), v.Uint("lp_supply"));

    /// <summary>§5.1: runs the actions in order; a reverted action leaves the state as it was and records its error.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Simulate(VectorCase v)
    {
        var accountsValue = v.Uint("n_accounts");
        if (accountsValue > 10_000) throw new VectorFileException($"{v.Id}: input 'n_accounts' = {accountsValue} is too large");
        int accounts = (int)accountsValue;
        var state = MasterChefState.Initial(new MasterChefConfig(v.Uint("sushi_per_block"), v.Uint("start_block"), v.Uint("bonus_end_block")), accounts);
        var steps = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        foreach (var action in SimulationAction.ReadAll(v))
        {
            var block = action.Uint("block");
            try
            {
                (state, var step) = Apply(state, action, block, accounts);
                steps.Add(step);
            }
            catch (RevertException revert)
            {
                steps.Add(SimulationOutput.Error(revert.Error));
            }
        }

        return
        [
            new("steps", SimulationOutput.Steps(steps)),
            new("sushi_balances", Out(state.SushiBalances)),
            new("sushi_dev", Out(state.SushiDev)),
            new("sushi_chef", Out(state.SushiChef)),
            new("sushi_total_supply", Out(state.SushiTotalSupply)),
            new("total_alloc_point", Out(state.TotalAllocPoint)),
            new("acc_sushi_per_share", Out(state.Pools.Select(p => p.AccSushiPerShare))),
            new("last_reward_block", Out(state.Pools.Select(p => p.LastRewardBlock))),
            new("lp_supply", Out(state.Pools.Select(p => p.LpSupply))),
            new("user_amounts", SimulationOutput.Matrix(state.Users.Select(row => row.Select(u => u.Amount)))),
            new("user_reward_debts", SimulationOutput.Matrix(state.Users.Select(row => row.Select(u => u.RewardDebt)))),
        ];
    }

    private static (MasterChefState State, KeyValuePair<string, string>[] Step) Apply(MasterChefState state, SimulationAction action, BigInteger block, int accounts)
    {
        switch (action.Type)
        {
            case "add":
                {
                    var next = MasterChef.AddPool(state, block, action.Uint("alloc_point"), action.Flag("with_update"));
                    return (next, SimulationOutput.Step(("pid", next.Pools.Length - 1)));
                }
            case "set":
                return (MasterChef.SetPool(state, block, Pid(action), action.Uint("alloc_point"), action.Flag("with_update")), []);
            case "mass_update":
                return (MasterChef.MassUpdatePools(state, block), []);
            case "update_pool":
                return (MasterChef.UpdatePool(state, block, Pid(action)), []);
            case "deposit":
                {
                    var payout = MasterChef.Deposit(state, block, Pid(action), action.Index("account", accounts), action.Uint("amount"));
                    return (payout.State, SimulationOutput.Step(("paid", payout.Amount)));
                }
            case "withdraw":
                {
                    var payout = MasterChef.Withdraw(state, block, Pid(action), action.Index("account", accounts), action.Uint("amount"));
                    return (payout.State, SimulationOutput.Step(("paid", payout.Amount)));
                }
            case "emergency_withdraw":
                {
                    var payout = MasterChef.EmergencyWithdraw(state, Pid(action), action.Index("account", accounts));
                    return (payout.State, SimulationOutput.Step(("amount", payout.Amount)));
                }
            case "pending":
                return (state, SimulationOutput.Step(("pending", MasterChef.PendingSushi(state, block, Pid(action), action.Index("account", accounts)))));
            default:
                throw action.UnknownType();
        }
    }

    /// <summary>A pid; one beyond int range is simply a pool that does not exist (the module reverts for it).</summary>
    private static int Pid(SimulationAction action) => (int)BigInteger.Min(action.Uint("pid"), int.MaxValue);
}
