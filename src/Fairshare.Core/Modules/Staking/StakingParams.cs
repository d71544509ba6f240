using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>
/// The staking module's governed parameters (rows <c>stake.*</c> in <see cref="Governance.GovernableParameters"/>, which
/// hold their ranges).
/// </summary>
/// <param name="MinSelfBond">FSH a provider must bond itself to open a pool, and to be eligible for compute work.</param>
/// <param name="UnbondingBlocks">Blocks an unbonding entry waits (and stays slashable) before it can be withdrawn;
/// also the delay of a commission change.</param>
/// <param name="SlashWrongResultPpm">Fraction of stake (ppm) slashed for a proven wrong result.</param>
/// <param name="SlashMissedDeadlinePpm">Fraction of stake (ppm) slashed for a missed deadline.</param>
/// <param name="MaxCommissionBps">The highest commission a pool may set or charge, in basis points.</param>
/// <param name="MaxCommissionChangeBps">The largest step of one commission change, in basis points.</param>
public sealed record StakingParams(
    Amount MinSelfBond,
    ulong UnbondingBlocks,
    uint SlashWrongResultPpm,
    uint SlashMissedDeadlinePpm,
    ushort MaxCommissionBps,
    ushort MaxCommissionChangeBps)
{


    /// <summary>
    /// The parameters in force until governance changes them: 100 FSH minimum self-bond, 100 blocks of unbonding, 10 %
    /// slashed for a wrong result, 1 % for a missed deadline, commission at most 50 % and moved by at most 5 points a time.
    /// </summary>
    public static StakingParams Default { get; } = new(new Amount(100) * Units.OneFsh, 100, 100_000, 10_000, 5_000, 500);

    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(64);
        writer.WriteAmount(MinSelfBond);
        writer.WriteU64(UnbondingBlocks);
        writer.WriteU32(SlashWrongResultPpm);
        writer.WriteU32(SlashMissedDeadlinePpm);
        writer.WriteU16(MaxCommissionBps);
        writer.WriteU16(MaxCommissionChangeBps);
        return writer.ToArray();
    }

    /// <summary>Decodes stored parameters; stored state that does not decode is a bug.</summary>
    public static StakingParams Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var result = new StakingParams(
            reader.ReadAmount(), reader.ReadU64(), reader.ReadU32(), reader.ReadU32(), reader.ReadU16(), reader.ReadU16());
        reader.ExpectEnd();
        return reader.Ok ? result : throw new InvalidOperationException($"stored staking parameters do not decode: {reader.Error}");
    }
}
