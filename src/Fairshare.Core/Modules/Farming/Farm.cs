using System.Numerics;
using Fairshare.Core.Encoding;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>
/// A Synthetix <c>StakingRewards</c> farm on the ledger (<c>defi-math.md</c> §4): stakers lock
/// <see cref="StakingAsset"/> in <see cref="FarmRegistry.StakeAccount"/> and earn FSH, which the treasury notified into
/// <see cref="FarmRegistry.RewardAccount"/>. The contract's storage is this record plus one <see cref="FarmStake"/> per
/// staker; its transitions are those of <see cref="StakingRewards"/>, run on <see cref="ToContract"/>.
/// </summary>
/// <param name="Id">The farm's number, from 1.</param>
/// <param name="StakingAsset">What stakers lock (typically an AMM LP asset).</param>
/// <param name="RewardsDuration">Length of a reward period in seconds.</param>
/// <param name="RewardRate">FSH base units per second of the current period.</param>
/// <param name="PeriodFinish">End of the current period in block seconds (0 before the first notification).</param>
/// <param name="LastUpdateTime">When the accumulator was last brought forward.</param>
/// <param name="RewardPerTokenStored">The reward-per-token accumulator (1e18 scale).</param>
/// <param name="TotalStaked">All staked units (the contract's <c>totalSupply</c>).</param>
/// <param name="TotalNotified">All FSH ever notified into the farm.</param>
/// <param name="TotalPaid">All FSH ever paid to stakers.</param>
public sealed record Farm(
    uint Id,
    AssetId StakingAsset,
    ulong RewardsDuration,
    Amount RewardRate,
    ulong PeriodFinish,
    ulong LastUpdateTime,
    Amount RewardPerTokenStored,
    Amount TotalStaked,
    Amount TotalNotified,
    Amount TotalPaid)
{
    /// <summary>The asset every farm pays.</summary>
    public static AssetId RewardAsset => AssetId.Fsh;

    /// <summary>A new farm with no period yet.</summary>
    public static Farm Create(uint id, AssetId stakingAsset, ulong rewardsDuration) =>
        new(id, stakingAsset, rewardsDuration, Amount.Zero, 0, 0, Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero);

    /// <summary>
    /// The contract's storage with one staker (index 0) and the farm's reward-token balance, for the
    /// <see cref="StakingRewards"/> transitions.
    /// </summary>
    public StakingRewardsState ToContract(FarmStake staker, Amount rewardTokenBalance) => new(
        RewardRate.ToBigInteger(), PeriodFinish, LastUpdateTime, RewardPerTokenStored.ToBigInteger(), TotalStaked.ToBigInteger(),
        RewardsDuration, rewardTokenBalance.ToBigInteger(), [staker.ToContract()]);

    /// <summary>The farm after a <see cref="StakingRewards"/> transition of <see cref="ToContract"/>.</summary>
    public Farm WithContract(StakingRewardsState contract) => this with
    {
        RewardsDuration = (ulong)contract.RewardsDuration,
        RewardRate = ToAmount(contract.RewardRate),
        PeriodFinish = (ulong)contract.PeriodFinish,
        LastUpdateTime = (ulong)contract.LastUpdateTime,
        RewardPerTokenStored = ToAmount(contract.RewardPerTokenStored),
        TotalStaked = ToAmount(contract.TotalSupply),
    };

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(256);
        writer.WriteU32(Id);
        writer.WriteU32(StakingAsset.Value);
        writer.WriteU64(RewardsDuration);
        writer.WriteAmount(RewardRate);
        writer.WriteU64(PeriodFinish);
        writer.WriteU64(LastUpdateTime);
        writer.WriteAmount(RewardPerTokenStored);
        writer.WriteAmount(TotalStaked);
        writer.WriteAmount(TotalNotified);
        writer.WriteAmount(TotalPaid);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static Farm Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var farm = new Farm(
            reader.ReadU32(), new AssetId(reader.ReadU32()), reader.ReadU64(), reader.ReadAmount(), reader.ReadU64(), reader.ReadU64(),
            reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount());
        reader.ExpectEnd();
        return reader.Ok ? farm : throw new InvalidOperationException($"stored farm does not decode: {reader.Error}");
    }

    /// <summary>A uint256 result of the checked math as an amount.</summary>
    internal static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new RevertException(value.Sign < 0 ? Checked.Underflow : Checked.Overflow);
}
