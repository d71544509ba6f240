using System.Collections.Immutable;
using System.Security.Cryptography;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// The market's rules that need no chain, each from its documentation (docs/modules/market.md and the types' doc
/// comments): when a slot may reveal, a provider's status and its names, the commitment and seal hashes (recomputed
/// here with .NET's SHA-256), the largest blob, the capped reward curve at its cap, stored records that decode to
/// themselves and throw one byte over, and the records the documented layout leaves absent.
/// </summary>
public sealed class MarketRuleTests
{
    private static readonly Address Alpha = Address.ForModule("test/alpha");
    private static readonly Address Beta = Address.ForModule("test/beta");
    private static readonly Hash32 Some = Hash32.Compute([7]);

    [Fact]
    public void ASlotMayReveal_OnlyWhenItsWholeRoundCommitted_AndASpotChecksDrawFoundItsChecker()
    {
        var replicated = MakeJob(VerificationPolicy.Replicate, JobState.Running, SpotDraw.NotDrawn, Executor(SlotStatus.Committed), Executor(SlotStatus.Committed));
        Assert.True(replicated.RevealOpen(0));
        Assert.True(replicated.RevealOpen(1));
        Assert.False(replicated.RevealOpen(-1));
        Assert.False(replicated.RevealOpen(2));
        Assert.False((replicated with { State = JobState.Settled }).RevealOpen(0));
        Assert.False((replicated with { State = JobState.Open }).RevealOpen(0));

        var oneWaiting = replicated.WithSlot(1, Executor(SlotStatus.Assigned, SlotRole.Replica, Beta));
        Assert.False(oneWaiting.RevealOpen(0));
        Assert.False(oneWaiting.RevealOpen(1));
        Assert.False(replicated.WithSlot(0, Executor(SlotStatus.Revealed)).RevealOpen(0));

        // A spot check reveals once drawn; a drawn check also needs its checker (committed, with the primary).
        var spot = MakeJob(VerificationPolicy.SpotCheck, JobState.Running, SpotDraw.NotDrawn, Executor(SlotStatus.Committed));
        Assert.False(spot.RevealOpen(0));
        Assert.True((spot with { Draw = SpotDraw.Unchecked }).RevealOpen(0));
        Assert.False((spot with { Draw = SpotDraw.Checked }).RevealOpen(0));
        var withChecker = (spot with { Draw = SpotDraw.Checked }) with { Slots = spot.Slots.Add(Executor(SlotStatus.Committed, SlotRole.Checker, Beta)) };
        Assert.True(withChecker.RevealOpen(0));
        Assert.True(withChecker.RevealOpen(1));

        // Disputed: the arbiters' round, not the executors'.
        var disputed = MakeJob(VerificationPolicy.SpotCheck, JobState.Disputed, SpotDraw.Unchecked,
            Executor(SlotStatus.Revealed), Executor(SlotStatus.Committed, SlotRole.Arbiter, Beta));
        Assert.True(disputed.RevealOpen(1));
        Assert.False(disputed.WithSlot(0, Executor(SlotStatus.Committed)).RevealOpen(0));
    }

    [Fact]
    public void AVerificationSlot_MayUseAProvidersCapacityASecondTime()
    {
        var provider = Provider(openSlots: 4);
        Assert.Equal(ProviderStatus.Full, ProviderEligibility.Status(provider, 10, 100, selfBondEnough: true));
        Assert.Equal(ProviderStatus.Available, ProviderEligibility.Status(provider, 10, 100, selfBondEnough: true, verification: true));
        Assert.Equal(ProviderStatus.Available, ProviderEligibility.Status(provider with { OpenSlots = 7 }, 10, 100, true, verification: true));
        Assert.Equal(ProviderStatus.Full, ProviderEligibility.Status(provider with { OpenSlots = 8 }, 10, 100, true, verification: true));
        Assert.Equal(ProviderStatus.Available, ProviderEligibility.Status(provider with { OpenSlots = 3 }, 10, 100, true));
    }

    [Fact]
    public void AProvidersStatus_HasTheDocumentedNames()
    {
        Assert.Equal(
            ["available", "full", "jailed", "no-heartbeat", "self-bond-too-low", "deregistered"],
            new[] { ProviderStatus.Available, ProviderStatus.Full, ProviderStatus.Jailed, ProviderStatus.NoHeartbeat, ProviderStatus.SelfBondTooLow, ProviderStatus.Deregistered }
                .Select(ProviderEligibility.Name));
    }

    [Fact]
    public void AProviderQualifies_WhenAvailableAndItsOfferFits()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        var alpha = m.Provider("alpha");
        var spec = MarketHarness.Spec(VerificationPolicy.SpotCheck);
        ulong next = m.Height + 1;
        Assert.True(ProviderEligibility.Qualifies(m.State, alpha, spec, next));
        Assert.False(ProviderEligibility.Qualifies(m.State, alpha, spec with { Device = DeviceClass.Cpu }, next));
        Assert.False(ProviderEligibility.Qualifies(m.State, alpha, spec with { MaxPricePerWorkUnit = new Amount(9) }, next));
        Assert.False(ProviderEligibility.Qualifies(m.State, alpha with { Registered = false }, spec, next));
        Assert.False(ProviderEligibility.Qualifies(m.State, alpha with { OpenSlots = alpha.Offer.Capacity }, spec, next));
    }

    [Fact]
    public void TheCommitment_AndTheSeal_AreTheDocumentedSha256()
    {
        var output = Hash32.Compute("output"u8);
        var salt = Hash32.Compute("salt"u8);
        byte[] provider = new byte[Address.Size];
        Alpha.CopyTo(provider);
        Assert.Equal(Sha256([.. output.ToArray(), .. salt.ToArray(), .. provider]), MarketCommitment.Compute(output, salt, Alpha).ToArray());
        Assert.Equal(Sha256([.. output.ToArray(), .. salt.ToArray()]), MarketCommitment.Seal(output, salt).ToArray());
    }

    [Fact]
    public void TheLargestBlob_IsTheLargerOfTheModelAndInputLimits()
    {
        Assert.Equal(20ul, (MarketParams.Default with { MaxModelBytes = 10, MaxInputBytes = 20 }).MaxBlobBytes);
        Assert.Equal(20ul, (MarketParams.Default with { MaxModelBytes = 20, MaxInputBytes = 10 }).MaxBlobBytes);
        Assert.Equal(64ul << 20, MarketParams.Default.MaxBlobBytes);
    }

    [Fact]
    public void UnderTheCappedCurve_AShareExactlyAtTheCap_IsNotCapped()
    {
        // pot 10, work 1 and 2, cap ⌊10 × 6,000 / 10⁴⌋ = 6: shares ⌊10/3⌋ = 3 and ⌊20/3⌋ = 6. Nobody gets *more* than 6,
        // so nobody leaves and the remainder (1) goes to the treasury (docs/modules/market.md).
        var split = EmissionCurve.Split(RewardCurve.Capped, new Amount(10), [1, 2], 6_000);
        Assert.Equal(new[] { new Amount(3), new Amount(6) }, split.Paid.ToArray());
        Assert.Equal(new Amount(1), split.ToTreasury);
    }

    [Fact]
    public void StoredRecords_DecodeToThemselves_AndOneByteOverOrShort_IsABug()
    {
        var job = MakeJob(VerificationPolicy.Replicate, JobState.Running, SpotDraw.NotDrawn, Executor(SlotStatus.Committed), Executor(SlotStatus.Assigned)) with { Burned = new Amount(3) };
        var provider = Provider(openSlots: 2);
        var parameters = MarketParams.Default with { MaxModelBytes = 1, MaxInputBytes = 2, RunTimeFactor = 3, FairShareBandBps = 4, ProviderEmission = new Amount(5) };
        AssertRoundTrip(job.Encode(), bytes => Job.Decode(bytes).Encode());
        AssertRoundTrip(provider.Encode(), bytes => ProviderRecord.Decode(bytes).Encode());
        AssertRoundTrip(parameters.Encode(), bytes => MarketParams.Decode(bytes).Encode());
        Assert.Equal(provider, ProviderRecord.Decode(provider.Encode()));
        Assert.Equal(parameters, MarketParams.Decode(parameters.Encode()));
    }

    [Fact]
    public void TheActiveList_AndTheAccruedEmission_AreAbsentWhenEmpty_AndAnActiveListWithTrailingBytesIsABug()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Honest, p => p with { ProviderEmission = new Amount(100), EmissionEpochBlocks = 4 });
        var active = StateKey.Of(ModuleIds.Market, 5);
        var emission = StateKey.Of(ModuleIds.Market, 8);
        Assert.Null(m.State.ReadRecord(active));
        m.Harness.Submit("client-0", MarketHarness.Spec(VerificationPolicy.SpotCheck));
        m.Harness.Step();
        Assert.Equal([1ul], MarketStore.ActiveJobIds(m.State));
        m.RunToEnd();
        Assert.Null(m.State.ReadRecord(active));

        // The emission accrues each block and is paid, and its record removed, at every height 4 divides.
        m.Blocks(4);
        while (m.Height % 4 != 3) m.Blocks(1);
        Assert.Equal(new Amount(300), MarketStore.EmissionAccrued(m.State));
        Assert.NotNull(m.State.ReadRecord(emission));
        m.Blocks(1);
        Assert.Equal(0ul, m.Height % 4);
        Assert.Null(m.State.ReadRecord(emission));
        Assert.Empty(MarketStore.EpochWork(m.State));

        m.State.WriteRecord(active, [1, 1, 0]);
        Assert.Throws<InvalidOperationException>(() => MarketStore.ActiveJobIds(m.State));
    }

    [Fact]
    public void AVerifiedSlot_CountsItsWorkUnitsForTheEpoch_WhileEmissionIsOn()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Honest, p => p with { ProviderEmission = new Amount(100), EmissionEpochBlocks = 1_000 });
        m.Harness.Submit("client-0", MarketHarness.Spec(VerificationPolicy.SpotCheck));
        m.RunToEnd();
        // alpha ran it, beta checked it (alpha on probation): 10 work units each.
        var work = MarketStore.EpochWork(m.State);
        Assert.Equal(2, work.Count);
        Assert.Equal(10ul, work.Single(w => w.Provider == m.Address("alpha")).WorkUnits);
        Assert.Equal(10ul, work.Single(w => w.Provider == m.Address("beta")).WorkUnits);
    }

    [Fact]
    public void TheMarketsAccounts_AreTheDocumentedModuleAccounts()
    {
        Assert.Equal(Address.ForModule("market/escrow"), MarketStore.EscrowAccount);
        Assert.Equal(Address.ForModule("market/disputes"), MarketStore.DisputeAccount);
        Assert.NotEqual(MarketStore.EscrowAccount, MarketStore.DisputeAccount);
    }

    private static void AssertRoundTrip(byte[] bytes, Func<byte[], byte[]> reencode)
    {
        Assert.Equal(bytes, reencode(bytes));
        Assert.Throws<InvalidOperationException>(() => reencode([.. bytes, 0]));
        Assert.Throws<InvalidOperationException>(() => reencode(bytes[..^1]));
    }

    private static byte[] Sha256(byte[] data) => SHA256.HashData(data);

    private static JobSlot Executor(SlotStatus status, SlotRole role = SlotRole.Primary, Address? provider = null) =>
        new(provider ?? Alpha, role, status, 1, 11, new Amount(100), Some, default, 0);

    private static Job MakeJob(VerificationPolicy policy, JobState state, SpotDraw draw, params JobSlot[] slots)
    {
        var spec = MarketHarness.Spec(policy, replicas: (byte)(policy == VerificationPolicy.Replicate ? slots.Length : 1));
        var replicas = slots.Select((s, i) => i == 0 || s.Role != SlotRole.Primary ? s : s with { Role = SlotRole.Replica, Provider = Beta });
        return new Job(1, Address.ForModule("test/client"), spec, state, [.. replicas], new Amount(2_000), Amount.Zero, Amount.Zero, default, 1, 0, 0, draw, 0, 0, false, default);
    }

    private static ProviderRecord Provider(ushort openSlots) =>
        new(Alpha, new ProviderOffer(DeviceClass.Gpu, 4096, 1_000, new Amount(10), 4, "eu", 300, 50, "test gpu"), ProviderStats.Empty with { LastHeartbeat = 5 }, true, openSlots);
}
