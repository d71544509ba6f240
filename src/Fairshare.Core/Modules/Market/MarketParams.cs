using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

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
/// <param name="ProviderEmission">New FSH base units per block for providers, paid by verified work at each epoch's end (0: none).</param>
/// <param name="EmissionEpochBlocks">Blocks per emission epoch: the emission accrued is paid at the end of every block whose height it divides.</param>
/// <param name="RewardCurve">How an epoch's emission is shared by verified work.</param>
/// <param name="RewardCapBps">Under <see cref="Market.RewardCurve.Capped"/>, the most of an epoch's emission one provider gets, in basis points.</param>
/// <param name="FairShareBandBps">Under <see cref="MatchingPolicy.FairShare"/>, how far above the cheapest eligible price, in basis
/// points, a provider still counts as competitive and is ranked by how far it is behind its share of capacity.</param>
/// <param name="MaxModelBytes">The largest model blob a job may name: nodes refuse larger uploads, providers refuse to run it
/// (a job fault, not the provider's), clients check before submitting.</param>
/// <param name="MaxInputBytes">The largest input blob a job may name, enforced like <paramref name="MaxModelBytes"/>.</param>
/// <param name="RunTimeFactor">How many times its estimated run time (work units at the provider's benchmark score) a run
/// may take before the provider stops it; a stopped run is the job's fault, not the provider's.</param>
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
    byte MaxReassignments,
    Amount ProviderEmission,
    uint EmissionEpochBlocks,
    RewardCurve RewardCurve,
    ushort RewardCapBps,
    uint FairShareBandBps,
    ulong MaxModelBytes = MarketParams.DefaultMaxModelBytes,
    ulong MaxInputBytes = MarketParams.DefaultMaxInputBytes,
    uint RunTimeFactor = MarketParams.DefaultRunTimeFactor)
{
    /// <summary>64 MiB: the default largest model (the real PP-OCR models are 0.6 to 11 MB).</summary>
    public const ulong DefaultMaxModelBytes = 64UL << 20;

    /// <summary>64 MiB: the default largest input blob.</summary>
    public const ulong DefaultMaxInputBytes = 64UL << 20;

    /// <summary>The default run-time factor: a run may take ten times its estimate.</summary>
    public const uint DefaultRunTimeFactor = 10;

    /// <summary>The largest blob limit governance may set: 4 GiB.</summary>
    public const ulong MaxBlobLimit = 4UL << 30;

    /// <summary>The largest run-time factor governance may set.</summary>
    public const uint MaxRunTimeFactor = 1_000;

    /// <summary>The most arbiters a dispute may ask for.</summary>
    public const byte MaxArbiters = 5;

    /// <summary>The most re-assignments a job may have (with 5 replicas and 5 arbiters the job's 16 slots are full).</summary>
    public const byte MaxReassignmentsLimit = 6;

    /// <summary>The parameters until governance changes them.</summary>
    public static MarketParams Default { get; } = new(
        MatchingPolicy.FairShare, 100_000, 1_000_000, 10, 100, 32, 20, 3, 1_000, 500, 2_000, 3, Amount.Zero, 100, RewardCurve.Linear, 1_000, 1_000);

    /// <summary>The widest fair-share band governance may set: ten times the cheapest price.</summary>
    public const uint MaxFairShareBandBps = 100_000;

    /// <summary>
    /// The largest blob the network stores and moves: the larger of <see cref="MaxModelBytes"/> and
    /// <see cref="MaxInputBytes"/>. Nodes refuse larger uploads, so a job whose output is larger ends with a fault
    /// (<c>output_too_large</c>) rather than an output no provider could deliver.
    /// </summary>
    public ulong MaxBlobBytes => MaxModelBytes > MaxInputBytes ? MaxModelBytes : MaxInputBytes;

    /// <summary>Whether the emission fields are the defaults (then they are not encoded, so older records keep their bytes).</summary>
    private bool EmissionIsDefault =>
        ProviderEmission.IsZero && EmissionEpochBlocks == Default.EmissionEpochBlocks && RewardCurve == Default.RewardCurve
        && RewardCapBps == Default.RewardCapBps;

    /// <summary>Whether the fair-share band is the default (then it is not encoded).</summary>
    private bool BandIsDefault => FairShareBandBps == Default.FairShareBandBps;

    /// <summary>Whether the job limits are the defaults (then they are not encoded).</summary>
    private bool LimitsAreDefault =>
        MaxModelBytes == DefaultMaxModelBytes && MaxInputBytes == DefaultMaxInputBytes && RunTimeFactor == DefaultRunTimeFactor;

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
        // Appended only when they differ from the defaults, so records written before the emission fields, the band and
        // the job limits keep their bytes; each group comes after the previous ones, so a non-default group writes them too.
        if (!EmissionIsDefault || !BandIsDefault || !LimitsAreDefault)
        {
            writer.WriteAmount(ProviderEmission);
            writer.WriteU32(EmissionEpochBlocks);
            writer.WriteU8((byte)RewardCurve);
            writer.WriteU16(RewardCapBps);
        }

        if (!BandIsDefault || !LimitsAreDefault) writer.WriteU32(FairShareBandBps);
        if (!LimitsAreDefault)
        {
            writer.WriteU64(MaxModelBytes);
            writer.WriteU64(MaxInputBytes);
            writer.WriteU32(RunTimeFactor);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static MarketParams Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var parameters = new MarketParams(
            (MatchingPolicy)reader.ReadU8(), reader.ReadU32(), reader.ReadU32(), reader.ReadU32(), reader.ReadU32(), reader.ReadU32(),
            reader.ReadU32(), reader.ReadU8(), reader.ReadU32(), reader.ReadU16(), reader.ReadU16(), reader.ReadU8(),
            Default.ProviderEmission, Default.EmissionEpochBlocks, Default.RewardCurve, Default.RewardCapBps, Default.FairShareBandBps);
        if (reader.Ok && reader.Remaining > 0)
        {
            parameters = parameters with
            {
                ProviderEmission = reader.ReadAmount(),
                EmissionEpochBlocks = reader.ReadU32(),
                RewardCurve = (RewardCurve)reader.ReadU8(),
                RewardCapBps = reader.ReadU16(),
            };
        }

        if (reader.Ok && reader.Remaining > 0) parameters = parameters with { FairShareBandBps = reader.ReadU32() };
        if (reader.Ok && reader.Remaining > 0)
            parameters = parameters with { MaxModelBytes = reader.ReadU64(), MaxInputBytes = reader.ReadU64(), RunTimeFactor = reader.ReadU32() };

        reader.ExpectEnd();
        return reader.Ok ? parameters : throw new InvalidOperationException($"stored market parameters do not decode: {reader.Error}");
    }
}
