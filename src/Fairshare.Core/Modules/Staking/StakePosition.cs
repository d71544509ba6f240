using Fairshare.Core.Encoding;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>
/// One account's shares in a provider's pool. The provider's own position (<see cref="IsSelfBond"/>) earns through
/// commission and its direct share of payments, so it takes no part in the reward accumulator; a delegator's position
/// settles its rewards at <see cref="StakePool.RewardPerShare"/> before its shares change.
/// </summary>
/// <param name="Provider">The pool's provider.</param>
/// <param name="Delegator">The account holding the shares (the provider itself for its self-bond).</param>
/// <param name="Shares">Shares held.</param>
/// <param name="RewardPerSharePaid">The pool's accumulator when the rewards were last settled.</param>
/// <param name="Unclaimed">Rewards settled and not yet claimed, in FSH base units.</param>
public sealed record StakePosition(Address Provider, Address Delegator, Amount Shares, Amount RewardPerSharePaid, Amount Unclaimed)
{
    /// <summary>Whether this is the provider's own stake.</summary>
    public bool IsSelfBond => Provider == Delegator;

    /// <summary>Whether the position holds nothing and is owed nothing (its record can be dropped).</summary>
    public bool IsEmpty => Shares.IsZero && Unclaimed.IsZero;

    /// <summary>A position with no shares yet, settled at the pool's accumulator.</summary>
    public static StakePosition Empty(StakePool pool, Address delegator) =>
        new(pool.Provider, delegator, Amount.Zero, pool.RewardPerShare, Amount.Zero);

    /// <summary>The position with its rewards brought up to the pool's accumulator (a self-bond earns none).</summary>
    public StakePosition Settle(StakePool pool)
    {
        if (IsSelfBond) return this;
        var earned = Checked.MulDiv(Shares, pool.RewardPerShare - RewardPerSharePaid, StakeMath.RewardScale);
        return this with { RewardPerSharePaid = pool.RewardPerShare, Unclaimed = Unclaimed + earned };
    }

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(144);
        writer.WriteAddress(Provider);
        writer.WriteAddress(Delegator);
        writer.WriteAmount(Shares);
        writer.WriteAmount(RewardPerSharePaid);
        writer.WriteAmount(Unclaimed);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static StakePosition Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var position = new StakePosition(reader.ReadAddress(), reader.ReadAddress(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount());
        reader.ExpectEnd();
        return reader.Ok ? position : throw new InvalidOperationException($"stored stake position does not decode: {reader.Error}");
    }
}
