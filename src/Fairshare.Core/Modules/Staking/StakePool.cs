using Fairshare.Core.Encoding;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>
/// A provider's stake pool: the FSH bonded to it (its own and its delegators', held in
/// <see cref="StakingStore.BondedAccount"/>) and the shares that divide it. Slashing lowers <see cref="Tokens"/> only,
/// so every position loses pro rata. Delegator rewards accrue through <see cref="RewardPerShare"/> over the shares
/// that are not the provider's own. Shares are never fewer than tokens: they start 1:1, slashing only lowers tokens,
/// and bonding and unbonding round in the pool's favour without passing 1:1.
/// </summary>
/// <param name="Provider">The provider that owns the pool.</param>
/// <param name="Tokens">FSH bonded now (self + delegated), after slashing.</param>
/// <param name="Shares">All shares of the pool's positions.</param>
/// <param name="CommissionBps">The commission in force, in basis points of each payment.</param>
/// <param name="PendingCommissionBps">The commission announced by the last change (meaningful while
/// <paramref name="CommissionChangeHeight"/> is not zero).</param>
/// <param name="CommissionChangeHeight">The first height at which the pending commission applies; 0 when none is pending.</param>
/// <param name="RewardPerShare">FSH of delegator rewards per delegated share, scaled by 1e18, accumulated since the pool opened.</param>
/// <param name="RewardCarry">Reward FSH paid into the reward account but too small to raise the accumulator yet.</param>
public sealed record StakePool(
    Address Provider,
    Amount Tokens,
    Amount Shares,
    ushort CommissionBps,
    ushort PendingCommissionBps,
    ulong CommissionChangeHeight,
    Amount RewardPerShare,
    Amount RewardCarry)
{
    /// <summary>A new, empty pool with its first commission.</summary>
    public static StakePool Open(Address provider, ushort commissionBps) =>
        new(provider, Amount.Zero, Amount.Zero, commissionBps, 0, 0, Amount.Zero, Amount.Zero);

    /// <summary>Whether a commission change waits to take effect at <paramref name="height"/>.</summary>
    public bool HasPendingCommission(ulong height) => CommissionChangeHeight != 0 && height < CommissionChangeHeight;

    /// <summary>The commission in force at <paramref name="height"/> (a matured change counts).</summary>
    public ushort CommissionAt(ulong height) =>
        CommissionChangeHeight != 0 && height >= CommissionChangeHeight ? PendingCommissionBps : CommissionBps;

    /// <summary>The pool with a commission change that has matured by <paramref name="height"/> folded in.</summary>
    public StakePool AsOf(ulong height) =>
        CommissionChangeHeight != 0 && height >= CommissionChangeHeight
            ? this with { CommissionBps = PendingCommissionBps, PendingCommissionBps = 0, CommissionChangeHeight = 0 }
            : this;

    /// <summary>What <paramref name="shares"/> of this pool are worth in FSH now (rounded down).</summary>
    public Amount TokensFor(in Amount shares) => Shares.IsZero ? Amount.Zero : Checked.MulDiv(shares, Tokens, Shares);

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(192);
        writer.WriteAddress(Provider);
        writer.WriteAmount(Tokens);
        writer.WriteAmount(Shares);
        writer.WriteU16(CommissionBps);
        writer.WriteU16(PendingCommissionBps);
        writer.WriteU64(CommissionChangeHeight);
        writer.WriteAmount(RewardPerShare);
        writer.WriteAmount(RewardCarry);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static StakePool Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var pool = new StakePool(
            reader.ReadAddress(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadU16(), reader.ReadU16(), reader.ReadU64(),
            reader.ReadAmount(), reader.ReadAmount());
        reader.ExpectEnd();
        return reader.Ok ? pool : throw new InvalidOperationException($"stored stake pool does not decode: {reader.Error}");
    }
}
