using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// The market's record rules at their edges, from their documentation: the reputation formula with a fault and with a
/// miss, jail ending at its height, a job spec's bounds and its fit to an offer inclusive, an offer's ranges inclusive.
/// </summary>
public sealed class MarketRecordBoundaryTests
{
    private static readonly Hash32 Some = Hash32.Compute([1]);

    [Theory]
    [InlineData(0UL, 0UL, 0UL, 1_000_000u)]
    [InlineData(0UL, 1UL, 0UL, 90_909u)] // 1 × 10⁶ / (1 + 10)
    [InlineData(0UL, 0UL, 1UL, 333_333u)] // 1 × 10⁶ / (1 + 2)
    [InlineData(9UL, 1UL, 5UL, 333_333u)] // 10 × 10⁶ / (10 + 10 + 10)
    public void Reputation_IsTheDocumentedRatio(ulong verified, ulong faults, ulong missed, uint expectedPpm) =>
        Assert.Equal(expectedPpm, new ProviderStats(verified, faults, missed, 0, 0, 0).ReputationPpm);

    [Fact]
    public void AJailEnds_AtItsHeight()
    {
        var stats = new ProviderStats(0, 1, 0, 0, JailedUntil: 100, 0);
        Assert.True(stats.IsJailedAt(99));
        Assert.False(stats.IsJailedAt(100));
    }

    [Fact]
    public void ASpecsBounds_AreInclusive()
    {
        var spec = Spec();
        Assert.True(spec.IsValid);
        Assert.True((spec with { WorkUnits = JobSpec.MaxWorkUnits }).IsValid);
        Assert.False((spec with { WorkUnits = JobSpec.MaxWorkUnits + 1 }).IsValid);
        Assert.True((spec with { DeadlineBlocks = JobSpec.MaxDeadlineBlocks }).IsValid);
        Assert.False((spec with { DeadlineBlocks = JobSpec.MaxDeadlineBlocks + 1 }).IsValid);
        var replicated = spec with { Policy = VerificationPolicy.Replicate, Replicas = JobSpec.MaxReplicas };
        Assert.True(replicated.ReplicasFit);
        Assert.False((replicated with { Replicas = JobSpec.MaxReplicas + 1 }).ReplicasFit);
        Assert.True((replicated with { Replicas = JobSpec.MinReplicas }).ReplicasFit);
    }

    [Fact]
    public void AnOfferFits_AtExactlyTheJobsMemoryAndPriceCap_AndOnlyOnItsDevice()
    {
        var spec = Spec() with { MinMemoryMb = 2048, Device = DeviceClass.Gpu, MaxPricePerWorkUnit = new Amount(500) };
        var offer = Offer() with { MemoryMb = 2048, Device = DeviceClass.Gpu, PricePerWorkUnit = new Amount(500) };
        Assert.True(spec.Fits(offer));
        Assert.False(spec.Fits(offer with { MemoryMb = 2047 }));
        Assert.False(spec.Fits(offer with { PricePerWorkUnit = new Amount(501) }));
        Assert.False(spec.Fits(offer with { Device = DeviceClass.Cpu }));
        Assert.True((spec with { Device = DeviceClass.Any }).Fits(offer with { Device = DeviceClass.Cpu }));
    }

    [Fact]
    public void AnOffersRanges_AreInclusive()
    {
        var offer = Offer();
        Assert.True(offer.IsValid);
        Assert.True((offer with { Region = new string('a', ProviderOffer.MaxRegionLength) }).IsValid);
        Assert.False((offer with { Region = new string('a', ProviderOffer.MaxRegionLength + 1) }).IsValid);
        Assert.True((offer with { Region = " ~" }).IsValid);
        Assert.False((offer with { Region = "\u001f" }).IsValid);
        Assert.False((offer with { Region = "\u007f" }).IsValid);
        Assert.True((offer with { RenewablePercent = 100 }).IsValid);
        Assert.False((offer with { RenewablePercent = 101 }).IsValid);
        Assert.True((offer with { Hardware = new string('h', ProviderOffer.MaxHardwareBytes) }).IsValid);
        Assert.False((offer with { Hardware = new string('h', ProviderOffer.MaxHardwareBytes + 1) }).IsValid);
    }

    private static JobSpec Spec() => new(JobKind.OnnxInference, Some, Some, 0, DeviceClass.Any, 100, new Amount(1_000), 50,
        VerificationPolicy.SpotCheck, 1, default, default);

    private static ProviderOffer Offer() => new(DeviceClass.Cpu, 4096, 1_000, new Amount(100), 2, "eu", 300, 50, "test cpu");
}
