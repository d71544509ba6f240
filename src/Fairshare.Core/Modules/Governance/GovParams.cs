using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// Governance's own governed parameters. The defaults suit a local chain (blocks are made per transaction and the
/// timelock runs on block time); their bounds are in <see cref="GovernableParameters"/>.
/// </summary>
/// <param name="VotingDelay">Blocks between a proposal and its start block.</param>
/// <param name="VotingPeriod">Blocks the vote stays open after the start block.</param>
/// <param name="ProposalThreshold">Votes a proposer must hold (strictly more) at the previous block.</param>
/// <param name="QuorumVotes">Votes for needed, in FSH base units, weighted by the proposal's rule.</param>
/// <param name="TimelockDelaySeconds">Seconds between queueing and the earliest execution.</param>
/// <param name="GracePeriodSeconds">Seconds after the eta during which a queued proposal can still execute.</param>
/// <param name="VotingRule">The rule new proposals are voted under.</param>
/// <param name="CapBps">The capped rule's cap, in basis points of all votes locked at the start block.</param>
public sealed record GovParams(
    ulong VotingDelay,
    ulong VotingPeriod,
    Amount ProposalThreshold,
    Amount QuorumVotes,
    ulong TimelockDelaySeconds,
    ulong GracePeriodSeconds,
    VotingRule VotingRule,
    ushort CapBps)
{
    /// <summary>
    /// The parameters in force until governance changes them: a 1-block delay, a 5-block vote, a 10 FSH threshold, a
    /// 400 FSH quorum, a 10 s timelock with a 1-day grace period, token-weighted votes and a 25% cap for the capped rule.
    /// </summary>
    public static GovParams Default { get; } = new(1, 5, new Amount(10) * Units.OneFsh, new Amount(400) * Units.OneFsh, 10, 86_400, VotingRule.TokenWeighted, 2_500);

    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(128);
        writer.WriteU64(VotingDelay);
        writer.WriteU64(VotingPeriod);
        writer.WriteAmount(ProposalThreshold);
        writer.WriteAmount(QuorumVotes);
        writer.WriteU64(TimelockDelaySeconds);
        writer.WriteU64(GracePeriodSeconds);
        writer.WriteU8((byte)VotingRule);
        writer.WriteU16(CapBps);
        return writer.ToArray();
    }

    /// <summary>Decodes stored parameters; stored state that does not decode is a bug.</summary>
    public static GovParams Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var result = new GovParams(
            reader.ReadU64(), reader.ReadU64(), reader.ReadAmount(), reader.ReadAmount(),
            reader.ReadU64(), reader.ReadU64(), (VotingRule)reader.ReadU8(), reader.ReadU16());
        reader.ExpectEnd();
        return reader.Ok ? result : throw new InvalidOperationException($"stored governance parameters do not decode: {reader.Error}");
    }
}
