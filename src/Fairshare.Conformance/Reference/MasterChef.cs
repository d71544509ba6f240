using System.Collections.Immutable;
using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Conformance.Reference;

/// <summary>
/// The state transitions and views of SushiSwap <c>MasterChef</c> v1 (<c>defi-math.md</c> §5, §5.1), at block
/// <c>block</c>. A failing check throws <see cref="Fairshare.Core.Modules.Math.RevertException"/> and, the state being immutable, changes nothing.
/// </summary>
public static class MasterChef
{
    /// <summary><c>withdraw</c> of more than the user's amount ("withdraw: not good").</summary>
    public const string WithdrawNotGood = "WITHDRAW_NOT_GOOD";

    /// <summary>A pid with no pool: the contract's array access reverts (named as in §10.6).</summary>
    public const string IndexOutOfRange = "INDEX_OUT_OF_RANGE";

    /// <summary>
    /// <c>add(allocPoint, lpToken, withUpdate)</c>: optionally mass-update, then append a pool whose rewards start at
    /// max(block, start_block). Its pid is the old pool count.
    /// </summary>
    public static MasterChefState AddPool(MasterChefState state, BigInteger block, BigInteger allocPoint, bool withUpdate)
    {
        if (withUpdate) state = MassUpdatePools(state, block);
        var lastRewardBlock = block > state.Config.StartBlock ? block : state.Config.StartBlock;
        var totalAllocPoint = Add(state.TotalAllocPoint, allocPoint);
        return state with
        {
            TotalAllocPoint = totalAllocPoint,
            Pools = state.Pools.Add(new ChefPool(allocPoint, lastRewardBlock, 0, 0)),
            Users = state.Users.Add(ImmutableArray.CreateRange(Enumerable.Repeat(default(ChefUser), state.AccountCount))),
        };
    }

    /// <summary><c>set(pid, allocPoint, withUpdate)</c>: optionally mass-update, then total = total − old + new.</summary>
    public static MasterChefState SetPool(MasterChefState state, BigInteger block, int pid, BigInteger allocPoint, bool withUpdate)
    {
        if (withUpdate) state = MassUpdatePools(state, block);
        RequirePool(state, pid);
        var totalAllocPoint = Add(Sub(state.TotalAllocPoint, state.Pools[pid].AllocPoint), allocPoint);
        return state with { TotalAllocPoint = totalAllocPoint, Pools = state.Pools.SetItem(pid, state.Pools[pid] with { AllocPoint = allocPoint }) };
    }

    /// <summary><c>massUpdatePools()</c>: <see cref="UpdatePool"/> on every pool, in pid order.</summary>
    public static MasterChefState MassUpdatePools(MasterChefState state, BigInteger block)
    {
        for (int pid = 0; pid < state.Pools.Length; pid++) state = UpdatePool(state, block, pid);
        return state;
    }

    /// <summary><c>updatePool(pid)</c>: §5's accrual; the reward is minted to the chef and a tenth of it to the dev fund.</summary>
    public static MasterChefState UpdatePool(MasterChefState state, BigInteger block, int pid)
    {
        RequirePool(state, pid);
        var update = MasterChefMath.UpdatePool(state.Pools[pid], block, state.Config.SushiPerBlock, state.TotalAllocPoint, state.Config.BonusEndBlock);
        var sushiDev = Add(state.SushiDev, update.DevReward);
        var totalSupply = Add(state.SushiTotalSupply, update.DevReward);
        var sushiChef = Add(state.SushiChef, update.SushiReward);
        totalSupply = Add(totalSupply, update.SushiReward);
        return state with
        {
            Pools = state.Pools.SetItem(pid, update.Pool),
            SushiDev = sushiDev,
            SushiChef = sushiChef,
            SushiTotalSupply = totalSupply,
        };
    }

    /// <summary>
    /// <c>deposit(pid, amount)</c>: update the pool, pay what the user has accrued (only if already staked), add the
    /// amount, reset the reward debt. <see cref="ChefPayout.Amount"/> is the SUSHI paid.
    /// </summary>
    public static ChefPayout Deposit(MasterChefState state, BigInteger block, int pid, int account, BigInteger amount)
    {
        RequirePool(state, pid);
        state = UpdatePool(state, block, pid);
        var pool = state.Pools[pid];
        var user = state.Users[pid][account];
        BigInteger paid = 0;
        if (user.Amount > 0) (state, paid) = SafeSushiTransfer(state, account, MasterChefMath.Accrued(user, pool.AccSushiPerShare));
        pool = pool with { LpSupply = Add(pool.LpSupply, amount) };
        var staked = Add(user.Amount, amount);
        user = new ChefUser(staked, MasterChefMath.RewardDebt(staked, pool.AccSushiPerShare));
        return new ChefPayout(WithPoolUser(state, pid, pool, account, user), paid);
    }

    /// <summary>
    /// <c>withdraw(pid, amount)</c>: <c>WITHDRAW_NOT_GOOD</c> beyond the user's amount (checked before the update), then
    /// update the pool, pay what the user has accrued, take the amount out. <see cref="ChefPayout.Amount"/> is the SUSHI paid.
    /// </summary>
    public static ChefPayout Withdraw(MasterChefState state, BigInteger block, int pid, int account, BigInteger amount)
    {
        RequirePool(state, pid);
        Require(state.Users[pid][account].Amount >= amount, WithdrawNotGood);
        state = UpdatePool(state, block, pid);
        var pool = state.Pools[pid];
        var user = state.Users[pid][account];
        (state, var paid) = SafeSushiTransfer(state, account, MasterChefMath.Accrued(user, pool.AccSushiPerShare));
        var staked = Sub(user.Amount, amount);
        user = new ChefUser(staked, MasterChefMath.RewardDebt(staked, pool.AccSushiPerShare));
        pool = pool with { LpSupply = Sub(pool.LpSupply, amount) };
        return new ChefPayout(WithPoolUser(state, pid, pool, account, user), paid);
    }

    /// <summary>
    /// <c>emergencyWithdraw(pid)</c>: return the user's LP tokens without any reward and clear the record.
    /// <see cref="ChefPayout.Amount"/> is the LP amount returned.
    /// </summary>
    public static ChefPayout EmergencyWithdraw(MasterChefState state, int pid, int account)
    {
        RequirePool(state, pid);
        var pool = state.Pools[pid];
        var amount = state.Users[pid][account].Amount;
        pool = pool with { LpSupply = Sub(pool.LpSupply, amount) };
        return new ChefPayout(WithPoolUser(state, pid, pool, account, default), amount);
    }

    /// <summary>The view <c>pendingSushi(pid, user)</c> at <paramref name="block"/>.</summary>
    public static BigInteger PendingSushi(MasterChefState state, BigInteger block, int pid, int account)
    {
        RequirePool(state, pid);
        return MasterChefMath.PendingSushi(state.Users[pid][account], state.Pools[pid], block, state.Config.SushiPerBlock,
            state.TotalAllocPoint, state.Config.BonusEndBlock);
    }

    /// <summary><c>safeSushiTransfer</c>: pays min(amount, the chef's SUSHI balance).</summary>
    private static (MasterChefState State, BigInteger Paid) SafeSushiTransfer(MasterChefState state, int account, BigInteger amount)
    {
        var paid = BigInteger.Min(amount, state.SushiChef);
        var chef = Sub(state.SushiChef, paid);
        var balance = Add(state.SushiBalances[account], paid);
        return (state with { SushiChef = chef, SushiBalances = state.SushiBalances.SetItem(account, balance) }, paid);
    }

    private static MasterChefState WithPoolUser(MasterChefState state, int pid, ChefPool pool, int account, ChefUser user) =>
        state with { Pools = state.Pools.SetItem(pid, pool), Users = state.Users.SetItem(pid, state.Users[pid].SetItem(account, user)) };

    private static void RequirePool(MasterChefState state, int pid) => Require(pid >= 0 && pid < state.Pools.Length, IndexOutOfRange);
}
