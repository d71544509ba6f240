using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>
/// The staking module: providers self-bond FSH into a stake pool with a commission, delegators add to it, both unbond
/// through a waiting period during which their tokens stay slashable, and payments for a provider's work are split
/// between the provider (commission plus its own share) and its delegators (through a reward-per-share accumulator).
/// The market calls <see cref="SelfBonded"/>, <see cref="Slash"/> and <see cref="PayProvider"/>. Every change goes
/// through the transaction's journal, so a refusal anywhere leaves nothing behind.
/// </summary>
public static class StakingModule
{
    /// <summary>The parameters in force.</summary>
    public static StakingParams Params(LedgerState state) => StakingStore.Params(state);

    /// <summary>The FSH bonded in <paramref name="provider"/>'s pool now (self + delegated, after slashing); 0 if none.</summary>
    public static Amount BondedTokens(LedgerState state, Address provider) => StakingStore.Pool(state, provider)?.Tokens ?? Amount.Zero;

    /// <summary>The provider's own position in its pool, valued in FSH now; 0 if none.</summary>
    public static Amount SelfBonded(LedgerState state, Address provider) =>
        StakingStore.Pool(state, provider) is { } pool && StakingStore.Position(state, provider, provider) is { } self
            ? pool.TokensFor(self.Shares)
            : Amount.Zero;

    /// <summary>The delegator rewards <paramref name="delegator"/> could claim from <paramref name="provider"/>'s pool now.</summary>
    public static Amount PendingRewards(LedgerState state, Address provider, Address delegator) =>
        StakingStore.Pool(state, provider) is { } pool && StakingStore.Position(state, provider, delegator) is { } position
            ? position.Settle(pool).Unclaimed
            : Amount.Zero;

    /// <summary>
    /// The sender bonds <paramref name="amount"/> of its own FSH. The first bond opens its pool with
    /// <paramref name="commissionBps"/> and must reach <c>stake.min-self-bond</c>; later bonds keep the commission in
    /// force, but the field must still be within <c>stake.max-commission-bps</c>.
    /// </summary>
    public static ResultCode SelfBond(TxContext context, Amount amount, ushort commissionBps)
    {
        var state = context.State;
        var parameters = Params(state);
        if (amount.IsZero) return ResultCode.StakeZeroAmount;
        if (commissionBps > parameters.MaxCommissionBps) return ResultCode.StakeCommissionTooHigh;
        var provider = context.Sender.Address;
        var pool = StakingStore.Pool(state, provider);
        if (pool is null && amount < parameters.MinSelfBond) return ResultCode.StakeBelowMinSelfBond;
        return Bond(context, pool ?? StakePool.Open(provider, commissionBps), provider, amount);
    }

    /// <summary>The sender delegates <paramref name="amount"/> FSH to <paramref name="provider"/>'s pool.</summary>
    public static ResultCode Delegate(TxContext context, Address provider, Amount amount)
    {
        var state = context.State;
        if (amount.IsZero) return ResultCode.StakeZeroAmount;
        if (provider == context.Sender.Address) return ResultCode.StakeSelfDelegation;
        if (StakingStore.Pool(state, provider) is not { } pool) return ResultCode.StakePoolNotFound;
        return Bond(context, pool, context.Sender.Address, amount);
    }

    /// <summary>
    /// The sender starts unbonding <paramref name="amount"/> FSH of its position in <paramref name="provider"/>'s pool
    /// (its own pool for self-stake). The shares burned are rounded up, so those who stay never lose to rounding; a
    /// request that takes every share the sender holds takes the position's whole value. The tokens move to an
    /// unbonding entry that completes after <c>stake.unbonding-blocks</c>.
    /// </summary>
    public static ResultCode Unbond(TxContext context, Address provider, Amount amount)
    {
        var state = context.State;
        if (amount.IsZero) return ResultCode.StakeZeroAmount;
        if (StakingStore.Pool(state, provider) is not { } pool) return ResultCode.StakePoolNotFound;
        var account = context.Sender.Address;
        if (StakingStore.Position(state, provider, account) is not { } position) return ResultCode.StakeInsufficientStake;
        var value = pool.TokensFor(position.Shares);
        if (amount > value) return ResultCode.StakeInsufficientStake;

        var burned = Checked.MulDivUp(amount, pool.Shares, pool.Tokens);
        var tokens = amount;
        if (burned >= position.Shares) (burned, tokens) = (position.Shares, value);

        var code = context.Move(StakingStore.BondedAccount(provider), StakingStore.UnbondingAccount(provider), AssetId.Fsh, tokens, FlowTag.Stake);
        if (code != ResultCode.Ok) return code;
        var settled = position.Settle(pool);
        StakingStore.PutPosition(state, settled with { Shares = settled.Shares - burned });
        StakingStore.PutPool(state, pool with { Tokens = pool.Tokens - tokens, Shares = pool.Shares - burned });
        var completion = context.Height + Params(state).UnbondingBlocks;
        StakingStore.PutUnbonding(state, new UnbondingEntry(StakingStore.NextUnbondingId(state), provider, account, tokens, completion));
        return ResultCode.Ok;
    }

    /// <summary>Pays the sender every unbonding entry of its that has completed, and deletes them.</summary>
    public static ResultCode Withdraw(TxContext context)
    {
        var state = context.State;
        var account = context.Sender.Address;
        var completed = StakingStore.Unbondings(state, account).Where(e => e.IsComplete(context.Height)).ToList();
        if (completed.Count == 0) return ResultCode.StakeNothingToWithdraw;
        foreach (var entry in completed)
        {
            var code = context.Move(StakingStore.UnbondingAccount(entry.Provider), account, AssetId.Fsh, entry.Tokens, FlowTag.Stake);
            if (code != ResultCode.Ok) return code;
            StakingStore.DeleteUnbonding(state, entry.Id);
        }

        return ResultCode.Ok;
    }

    /// <summary>Pays the sender its delegator rewards from <paramref name="provider"/>'s pool (tagged <see cref="FlowTag.JobPayment"/>).</summary>
    public static ResultCode Claim(TxContext context, Address provider)
    {
        var state = context.State;
        if (StakingStore.Pool(state, provider) is not { } pool) return ResultCode.StakePoolNotFound;
        var account = context.Sender.Address;
        if (StakingStore.Position(state, provider, account) is not { } position) return ResultCode.StakeNothingToClaim;
        var settled = position.Settle(pool);
        if (settled.Unclaimed.IsZero) return ResultCode.StakeNothingToClaim;
        var code = context.Move(StakingStore.RewardAccount(provider), account, AssetId.Fsh, settled.Unclaimed, FlowTag.JobPayment);
        if (code != ResultCode.Ok) return code;
        StakingStore.PutPosition(state, settled with { Unclaimed = Amount.Zero });
        return ResultCode.Ok;
    }

    /// <summary>
    /// The sender (a provider) announces a new commission. It applies from <c>stake.unbonding-blocks</c> after this
    /// block, so delegators can leave before it does, and may differ from the commission in force by at most
    /// <c>stake.max-commission-change-bps</c>. A new announcement replaces a pending one; announcing the commission in
    /// force cancels it.
    /// </summary>
    public static ResultCode SetCommission(TxContext context, ushort commissionBps)
    {
        var state = context.State;
        var parameters = Params(state);
        if (StakingStore.Pool(state, context.Sender.Address) is not { } stored) return ResultCode.StakePoolNotFound;
        if (commissionBps > parameters.MaxCommissionBps) return ResultCode.StakeCommissionTooHigh;
        var pool = stored.AsOf(context.Height);
        if (Distance(commissionBps, pool.CommissionBps) > parameters.MaxCommissionChangeBps) return ResultCode.StakeCommissionChangeTooLarge;
        StakingStore.PutPool(state, commissionBps == pool.CommissionBps
            ? pool with { PendingCommissionBps = 0, CommissionChangeHeight = 0 }
            : pool with { PendingCommissionBps = commissionBps, CommissionChangeHeight = context.Height + parameters.UnbondingBlocks });
        return ResultCode.Ok;
    }

    /// <summary>
    /// Takes <paramref name="fractionPpm"/> of <paramref name="provider"/>'s pool tokens and of every unbonding entry from
    /// that pool that has not completed, each rounded down, and moves the FSH to <paramref name="recipient"/> tagged
    /// <see cref="FlowTag.Slash"/>. Shares are untouched, so every position loses pro rata. Ok with
    /// <paramref name="slashed"/> = 0 when the provider has no stake.
    /// </summary>
    public static ResultCode Slash(TxContext context, Address provider, uint fractionPpm, Address recipient, out Amount slashed)
    {
        slashed = Amount.Zero;
        if (fractionPpm > Units.PpmDenominator) return ResultCode.StakeBadSlashFraction;
        var state = context.State;
        if (StakingStore.Pool(state, provider) is not { } pool) return ResultCode.Ok;

        var fromPool = Checked.Ppm(pool.Tokens, fractionPpm);
        var code = context.Move(StakingStore.BondedAccount(provider), recipient, AssetId.Fsh, fromPool, FlowTag.Slash);
        if (code != ResultCode.Ok) return code;
        StakingStore.PutPool(state, pool with { Tokens = pool.Tokens - fromPool });

        var fromUnbonding = Amount.Zero;
        foreach (var entry in StakingStore.PoolUnbondings(state, provider).Where(e => !e.IsComplete(context.Height)).ToList())
        {
            var cut = Checked.Ppm(entry.Tokens, fractionPpm);
            if (cut.IsZero) continue;
            StakingStore.PutUnbonding(state, entry with { Tokens = entry.Tokens - cut });
            fromUnbonding += cut;
        }

        code = context.Move(StakingStore.UnbondingAccount(provider), recipient, AssetId.Fsh, fromUnbonding, FlowTag.Slash);
        if (code != ResultCode.Ok) return code;
        slashed = fromPool + fromUnbonding;
        return ResultCode.Ok;
    }

    /// <summary>
    /// Pays <paramref name="amount"/> FSH from <paramref name="from"/> for <paramref name="provider"/>'s work. The
    /// commission (in force at this height, capped by <c>stake.max-commission-bps</c>) comes off first; the rest is split
    /// by shares: the delegators' part, rounded down, goes to the pool's reward account and raises the accumulator, and
    /// everything else (commission, the provider's own part and the rounding) goes to the provider. Every move is tagged
    /// <see cref="FlowTag.JobPayment"/>. With no pool, or no delegated shares, the provider gets it all.
    /// </summary>
    public static ResultCode PayProvider(TxContext context, Address from, Address provider, Amount amount)
    {
        var state = context.State;
        var pool = StakingStore.Pool(state, provider);
        var selfShares = StakingStore.Position(state, provider, provider)?.Shares ?? Amount.Zero;
        if (pool is null || pool.Shares <= selfShares) return context.Move(from, provider, AssetId.Fsh, amount, FlowTag.JobPayment);

        var delegated = pool.Shares - selfShares;
        var inForce = pool.CommissionAt(context.Height);
        var cap = Params(state).MaxCommissionBps;
        var commission = Checked.Bps(amount, inForce < cap ? inForce : cap);
        var toDelegators = Checked.MulDiv(amount - commission, delegated, pool.Shares);
        var code = context.Move(from, provider, AssetId.Fsh, amount - toDelegators, FlowTag.JobPayment);
        if (code != ResultCode.Ok) return code;
        code = context.Move(from, StakingStore.RewardAccount(provider), AssetId.Fsh, toDelegators, FlowTag.JobPayment);
        if (code != ResultCode.Ok) return code;

        // Book only what the raised accumulator can ever pay out (rounded up per payment), and carry the rest forward.
        var distributable = toDelegators + pool.RewardCarry;
        var raise = Checked.MulDiv(distributable, StakeMath.RewardScale, delegated);
        var booked = Checked.MulDivUp(raise, delegated, StakeMath.RewardScale);
        StakingStore.PutPool(state, pool with { RewardPerShare = pool.RewardPerShare + raise, RewardCarry = distributable - booked });
        return ResultCode.Ok;
    }

    private static int Distance(ushort a, ushort b) => a > b ? a - b : b - a;

    /// <summary>
    /// Moves <paramref name="amount"/> from <paramref name="account"/> into the pool and gives it the shares it buys
    /// (rounded down; never fewer than the amount, since a pool always has at least as many shares as tokens).
    /// </summary>
    private static ResultCode Bond(TxContext context, StakePool pool, Address account, Amount amount)
    {
        var state = context.State;
        if (!pool.Shares.IsZero && pool.Tokens.IsZero) return ResultCode.StakePoolWipedOut;
        var shares = pool.Shares.IsZero ? amount : Checked.MulDiv(amount, pool.Shares, pool.Tokens);
        var code = context.Move(account, StakingStore.BondedAccount(pool.Provider), AssetId.Fsh, amount, FlowTag.Stake);
        if (code != ResultCode.Ok) return code;
        var position = (StakingStore.Position(state, pool.Provider, account) ?? StakePosition.Empty(pool, account)).Settle(pool);
        StakingStore.PutPosition(state, position with { Shares = position.Shares + shares });
        StakingStore.PutPool(state, pool with { Tokens = pool.Tokens + amount, Shares = pool.Shares + shares });
        return ResultCode.Ok;
    }
}
