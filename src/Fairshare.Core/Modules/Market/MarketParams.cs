using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules.Market;

/// <summary>The compute market's governed parameters (<c>market.*</c> rows of the governance table).</summary>
/// <param name="MatchingPolicy">How the matcher picks providers.</param>
/// <param name="SpotCheckPpm">Chance, in millionths, that a spot-check job is re-run by a checker.</param>
/// <param name="ProbationCheckPpm">The same chance while the primary has fewer than <paramref name="ProbationJobs"/> verified slots.</param>
/// <param name="ProbationJobs">Verified slots a provider needs before the normal spot-check rate applies (0: no probation).</param>
/// <param name="HeartbeatTimeoutBlocks">Blocks after its last heartbeat that a provider still gets new slots.</param>
/// <param name="MaxMatchesPerBlock">Open jobs the matcher tries per block (bounds the per-block work).</param>
/// <param name="ExpectedWindowBlocks">Blocks a canary's client has, after every slot revealed, to reveal the expected output.</param>
/// <param name="DisputeArbiters">Arbiter slots a dispute asks for.</param>
/// <param name="JailBlocks">Blocks a provider found lying takes no new slots.</param>
/// <param name="ProtocolFeeBps">The protocol's share of each job payment, in basis points.</param>
/// <param name="FeeBurnBps">The burned share of the protocol fee, in basis points of the fee (the rest goes to the treasury).</param>
/// <param name="MaxReassignments">Missed slots a job may re-assign before it fails.</param>
public sealed record MarketParams(
    MatchingPolicy MatchingPolicy,
    uint SpotCheckPpm,
    uint ProbationCheckPpm,
    uint ProbationJobs,
    uint HeartbeatTimeoutBlocks,
    uint MaxMatchesPerBlock,
    uint ExpectedWindowBlocks,
    byte DisputeArbiters,
    uint JailBlocks,
    ushort ProtocolFeeBps,
    ushort FeeBurnBps,
    byte MaxReassignments)
{
    /// <summary>One million: the denominator of the ppm parameters.</summary>
    public const uint PpmDenominator = 1_000_000;

    /// <summary>Ten thousand: the denominator of the basis-point parameters.</summary>
    public const uint BpsDenominator = 10_000;

    /// <summary>The most arbiters a dispute may ask for.</summary>
    public const byte MaxArbiters = 5;

    /// <summary>The most re-assignments a job may have (with 5 replicas and 5 arbiters the job's 16 slots are full).</summary>
    public const byte MaxReassignmentsLimit = 6;

    /// <summary>The parameters until governance changes them.</summary>
    public static MarketParams Default { get; } = new(
        MatchingPolicy.FairShare, 100_000, 1_000_000, 10, 100, 32, 20, 3, 1_000, 500, 2_000, 3);

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(64);
        writer.WriteU8((byte)MatchingPolicy);
        writer.WriteU32(SpotCheckPpm);
        writer.WriteU32(ProbationCheckPpm);
        writer.WriteU32(ProbationJobs);
        writer.WriteU32(HeartbeatTimeoutBlocks);
        writer.WriteU32(MaxMatchesPerBlock);
        writer.WriteU32(ExpectedWindowBlocks);
        writer.WriteU8(DisputeArbiters);
        writer.WriteU32(JailBlocks);
        writer.WriteU16(ProtocolFeeBps);
        writer.WriteU16(FeeBurnBps);
        writer.WriteU8(MaxReassignments);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static MarketParams Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var parameters = new MarketParams(
            (MatchingPolicy)reader.ReadU8(), reader.ReadU32(), reader.ReadU32(), reader.ReadU32(), reader.ReadU32(), reader.ReadU32(),
            reader.ReadU32(), reader.ReadU8(), reader.ReadU32(), reader.ReadU16(), reader.ReadU16(), reader.ReadU8());
        reader.ExpectEnd();
        return reader.Ok ? parameters : throw new InvalidOperationException($"stored market parameters do not decode: {reader.Error}");
    }
}
