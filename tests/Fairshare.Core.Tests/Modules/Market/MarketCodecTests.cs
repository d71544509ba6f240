using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>Market payloads and records survive their canonical encodings; the market.* governance rows reach the parameters.</summary>
public sealed class MarketCodecTests
{
    private static readonly TestChain Chain = TestChain.Create();
    private static readonly Hash32 H = Hash32.Compute("h"u8);

    public static TheoryData<TxPayload> Payloads() =>
    [
        new MarketRegisterPayload(new ProviderProfile("p", new Amount(7), 3) { RenewablePercent = 80 }.Offer with { Region = "us-east-1", Hardware = "AMD EPYC 9R14, 2 cores, 24 GiB ✓" }),
        new MarketHeartbeatPayload(),
        new MarketDeregisterPayload(),
        new MarketSubmitJobPayload(MarketHarness.Spec(VerificationPolicy.Replicate, 3) with
        {
            Kind = JobKind.OnnxInference, Model = H, MinMemoryMb = 2048, Device = DeviceClass.Gpu, Weights = new MatchWeights(1, 2, 3, 4),
        }),
        new MarketCommitPayload(ulong.MaxValue, 15, H),
        new MarketRevealPayload(3, 2, H, Hash32.Compute("salt"u8), 0b1011),
        new MarketRevealExpectedPayload(4, H, Hash32.Compute("salt"u8)),
        new MarketCancelJobPayload(5),
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payloads_RoundTrip(TxPayload payload)
    {
        var tx = Chain.Sign("alice", payload);
        Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(tx.Encoded, out var decoded));
        Assert.Equal(tx.Body, decoded!.Body);
    }

    [Fact]
    public void AHardwareTextOver96Bytes_DoesNotDecode()
    {
        var offer = new ProviderProfile("p", new Amount(7), 3).Offer with { Hardware = new string('x', ProviderOffer.MaxHardwareBytes + 1) };
        Assert.Equal(ResultCode.LengthTooLarge, TransactionCodec.TryDecode(Chain.Sign("alice", new MarketRegisterPayload(offer)).Encoded, out _));
    }

    [Fact]
    public void Records_RoundTrip()
    {
        var slot = new JobSlot(Chain.Key("bob").Address, SlotRole.Arbiter, SlotStatus.Revealed, 5, 15, new Amount(120), H, H, 0b101)
        {
            Paid = new Amount(120), Earned = new Amount(114), Slashed = new Amount(3),
        };
        var job = new Job(9, Chain.Key("alice").Address, MarketHarness.Spec(VerificationPolicy.SpotCheck), JobState.Disputed, [slot, slot with { Role = SlotRole.Primary }],
            new Amount(1), new Amount(2), new Amount(3), H, 4, 0, 1, SpotDraw.Checked, 6, 7, true, H) { Burned = new Amount(5) };
        Assert.Equal(job.Encode(), Job.Decode(job.Encode()).Encode());
        Assert.Equal(job.Slots.AsEnumerable(), Job.Decode(job.Encode()).Slots);
        var provider = new ProviderRecord(Chain.Key("carol").Address, new ProviderProfile("c", new Amount(9), 2).Offer, new ProviderStats(1, 2, 3, 4, 5, 6), false, 2);
        Assert.Equal(provider, ProviderRecord.Decode(provider.Encode()));
        var parameters = MarketParams.Default with { MatchingPolicy = MatchingPolicy.Weighted, MaxReassignments = 6 };
        Assert.Equal(parameters, MarketParams.Decode(parameters.Encode()));
    }

    [Fact]
    public void MarketParams_AppendTheBandOnlyWhenNotDefault_SoOldRecordsKeepTheirBytes()
    {
        // The original fields: 1 + 4 × 6 + 1 + 4 + 2 + 2 + 1 bytes, unchanged by the emission fields and the band.
        var original = MarketParams.Default.Encode();
        Assert.Equal(35, original.Length);
        var emission = MarketParams.Default with { ProviderEmission = new Amount(5) };
        var band = emission with { FairShareBandBps = 250 };
        // The band is four more bytes after the emission fields; a band alone writes the (default) emission fields too.
        Assert.Equal(emission.Encode(), band.Encode()[..^4]);
        var bandOnly = MarketParams.Default with { FairShareBandBps = 250 };
        Assert.Equal(original, bandOnly.Encode()[..35]);
        Assert.Equal(bandOnly, MarketParams.Decode(bandOnly.Encode()));
        Assert.Equal(band, MarketParams.Decode(band.Encode()));
        Assert.Equal(emission, MarketParams.Decode(emission.Encode()));
        Assert.Equal(MarketParams.Default, MarketParams.Decode(MarketParams.Default.Encode()));
    }

    [Fact]
    public void MarketParams_AppendTheJobLimitsAfterTheBand_OnlyWhenNotDefault()
    {
        var bandOnly = MarketParams.Default with { FairShareBandBps = 250 };
        var limits = bandOnly with { MaxModelBytes = 1UL << 20, RunTimeFactor = 3 };
        var encoded = limits.Encode();
        // u64 max-model-bytes, u64 max-input-bytes, u32 run-time-factor, little-endian, after the band.
        Assert.Equal(bandOnly.Encode(), encoded[..^20]);
        Assert.Equal(Convert.FromHexString("0000100000000000" + "0000000400000000" + "03000000"), encoded[^20..]);
        Assert.Equal(limits, MarketParams.Decode(encoded));
        // Limits alone write the default emission fields and band before them, so positions hold.
        var limitsOnly = MarketParams.Default with { MaxInputBytes = 5UL << 20 };
        // emission: a zero amount (its length byte), u32 epoch, u8 curve, u16 cap; then the u32 band and the 20 bytes of limits.
        Assert.Equal(35 + 1 + 4 + 1 + 2 + 4 + 20, limitsOnly.Encode().Length);
        Assert.Equal(limitsOnly, MarketParams.Decode(limitsOnly.Encode()));
        Assert.Equal(35, MarketParams.Default.Encode().Length);
    }

    [Fact]
    public void GovernanceRows_SetEveryMarketParameter_WithinTheirRanges()
    {
        var chain = TestChain.Create();
        var rows = GovernableParameters.All.Where(p => p.Module == ModuleIds.Market).ToList();
        Assert.Equal(20, rows.Count);
        Assert.All(rows, row => Assert.True(row.Accepts(row.Read(chain.State)), row.Name));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(chain.State, new GovAction(ModuleIds.Market, 1, new Amount(2))));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(chain.State, new GovAction(ModuleIds.Market, 4, Amount.Zero)));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(chain.State, new GovAction(ModuleIds.Market, 11, new Amount(10_000))));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(chain.State, new GovAction(ModuleIds.Market, 17, new Amount(2_500))));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(chain.State, new GovAction(ModuleIds.Market, 18, new Amount(2UL << 20))));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(chain.State, new GovAction(ModuleIds.Market, 19, new Amount(3UL << 20))));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(chain.State, new GovAction(ModuleIds.Market, 20, new Amount(4))));
        Assert.Equal(
            MarketParams.Default with
            {
                MatchingPolicy = MatchingPolicy.Weighted, ProbationJobs = 0, FeeBurnBps = 10_000, FairShareBandBps = 2_500,
                MaxModelBytes = 2UL << 20, MaxInputBytes = 3UL << 20, RunTimeFactor = 4,
            },
            MarketStore.Params(chain.State));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(ModuleIds.Market, 18, new Amount((1UL << 20) - 1))));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(ModuleIds.Market, 19, new Amount((4UL << 30) + 1))));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(ModuleIds.Market, 20, new Amount(1))));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(ModuleIds.Market, 17, new Amount(MarketParams.MaxFairShareBandBps + 1))));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(ModuleIds.Market, 1, new Amount(3))));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(ModuleIds.Market, 8, new Amount(MarketParams.MaxArbiters + 1))));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(ModuleIds.Market, 12, new Amount(MarketParams.MaxReassignmentsLimit + 1))));
        Assert.Equal("market.probation-jobs", GovernableParameters.FindByName("market.probation-jobs")!.Name);
    }
}
