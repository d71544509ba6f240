using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>
/// One account's position in a farm (<c>defi-math.md</c> §4): the contract's <c>balanceOf</c>,
/// <c>userRewardPerTokenPaid</c> and <c>rewards</c>. The default value is an account that never staked; such a record
/// is not stored.
/// </summary>
/// <param name="Balance">Staked units.</param>
/// <param name="UserRewardPerTokenPaid">The accumulator value the rewards were last settled at.</param>
/// <param name="Rewards">FSH earned and not yet paid, as of the last settlement.</param>
public readonly record struct FarmStake(Amount Balance, Amount UserRewardPerTokenPaid, Amount Rewards)
{
    /// <summary>Whether nothing is staked or owed (the record can be dropped: settling it again yields nothing).</summary>
    public bool IsEmpty => Balance.IsZero && Rewards.IsZero;

    /// <summary>The contract's staker entry.</summary>
    public StakerAccount ToContract() =>
        new(Balance.ToBigInteger(), Rewards.ToBigInteger(), UserRewardPerTokenPaid.ToBigInteger(), 0);

    /// <summary>The position after a transition of the contract.</summary>
    public static FarmStake FromContract(StakerAccount staker) =>
        new(Farm.ToAmount(staker.Balance), Farm.ToAmount(staker.UserRewardPerTokenPaid), Farm.ToAmount(staker.Rewards));

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(104);
        writer.WriteAmount(Balance);
        writer.WriteAmount(UserRewardPerTokenPaid);
        writer.WriteAmount(Rewards);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static FarmStake Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var stake = new FarmStake(reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount());
        reader.ExpectEnd();
        return reader.Ok ? stake : throw new InvalidOperationException($"stored farm stake does not decode: {reader.Error}");
    }
}
