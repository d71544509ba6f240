using System.Numerics;
using Fairshare.Core.Ledger;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// The provider reward curves (<see cref="EmissionCurve"/>) and the market's emission step: exact shares, the cap, the
/// treasury remainder, and the epoch payout through real blocks.
/// </summary>
public sealed class EmissionCurveTests
{
    [Fact]
    public void Linear_SharesByWork_RemainderToTreasury()
    {
        var split = EmissionCurve.Split(RewardCurve.Linear, new Amount(100), [1, 2, 0], 1_000);
        Assert.Equal(new[] { new Amount(33), new Amount(66), Amount.Zero }, split.Paid.ToArray());
        Assert.Equal(new Amount(1), split.ToTreasury);
    }

    [Fact]
    public void Concave_SharesBySquareRootOfWork()
    {
        var split = EmissionCurve.Split(RewardCurve.Concave, new Amount(1_000), [100, 1], 1_000);
        Assert.Equal(new[] { new Amount(909), new Amount(90) }, split.Paid.ToArray());
        Assert.Equal(new Amount(1), split.ToTreasury);
    }

    [Fact]
    public void Capped_ReSpreadsTheExcess_AndWhatNobodyCanTakeGoesToTheTreasury()
    {
        var spread = EmissionCurve.Split(RewardCurve.Capped, new Amount(1_000), [80, 10, 10], 5_000);
        Assert.Equal(new[] { new Amount(500), new Amount(250), new Amount(250) }, spread.Paid.ToArray());
        Assert.Equal(Amount.Zero, spread.ToTreasury);

        var alone = EmissionCurve.Split(RewardCurve.Capped, new Amount(1_000), [7], 2_500);
        Assert.Equal(new[] { new Amount(250) }, alone.Paid.ToArray());
        Assert.Equal(new Amount(750), alone.ToTreasury);
    }

    [Fact]
    public void NoWork_EverythingGoesToTheTreasury()
    {
        foreach (var curve in new[] { RewardCurve.Linear, RewardCurve.Concave, RewardCurve.Capped })
        {
            var split = EmissionCurve.Split(curve, new Amount(77), [0, 0], 1_000);
            Assert.Equal(new Amount(77), split.ToTreasury);
        }
    }

    [Property(MaxTest = 300)]
    public void Split_PaysExactlyThePot_AndNobodyPassesTheCap(ulong potSeed, ulong[] work, ushort capSeed, byte curveSeed)
    {
        var pot = new Amount(potSeed) * new Amount(1_000_003);
        var curve = (RewardCurve)(curveSeed % 3);
        ushort capBps = (ushort)(1 + capSeed % Units.BpsDenominator);
        var split = EmissionCurve.Split(curve, pot, work, capBps);
        Assert.Equal(work.Length, split.Paid.Length);
        Assert.Equal(pot, split.Paid.Aggregate(Amount.Zero, (a, b) => a + b) + split.ToTreasury);
        for (int i = 0; i < work.Length; i++)
        {
            if (work[i] == 0) Assert.Equal(Amount.Zero, split.Paid[i]);
        }

        if (curve != RewardCurve.Capped) return;
        var cap = pot.ToBigInteger() * capBps / Units.BpsDenominator;
        Assert.All(split.Paid, p => Assert.True(p.ToBigInteger() <= cap + BigInteger.One));
    }

    [Fact]
    public void EmissionOn_PaysEachEpochByVerifiedWork_UnderTheCap_AndSupplyMovesByExactlyWhatWasMintedAndBurned()
    {
        var profiles = new[] { "e0", "e1", "e2" }.Select((n, i) => new ProviderProfile(n, new Amount((ulong)(10 + i)), 2, ProviderBehaviour.Honest, 0)).ToList();
        var h = MarketHarness.Create(profiles, new Random(3), clients: 1, p => p with
        {
            MatchingPolicy = MatchingPolicy.LowestPrice,
            SpotCheckPpm = 0,
            ProbationJobs = 0,
            ProviderEmission = new Amount(1_000),
            EmissionEpochBlocks = 10,
            RewardCurve = RewardCurve.Capped,
            RewardCapBps = 5_000,
        });
        var supplyBefore = h.State.FindAsset(AssetId.Fsh)!.Supply;
        var events = new List<(ulong Height, LedgerEvent Event)>();
        for (int i = 0; i < 8; i++) h.Submit(h.Clients[0], MarketHarness.Spec(VerificationPolicy.SpotCheck, input: (ulong)i + 1));
        while (h.Height < 30)
        {
            var produced = h.Step();
            events.AddRange(produced.Receipts.SelectMany(r => r.Events).Where(e => e.Asset == AssetId.Fsh).Select(e => (h.Height, e)));
        }

        var emission = events.Where(e => e.Event.Tag == FlowTag.Emission).ToList();
        Assert.All(emission, e => Assert.Equal(0ul, e.Height % 10));
        Assert.Equal(new Amount(30_000), Sum(emission.Select(e => e.Event)));
        foreach (var epoch in emission.GroupBy(e => e.Height))
        {
            foreach (var perProvider in epoch.Where(e => e.Event.To != h.State.Params.Treasury).GroupBy(e => e.Event.To))
                Assert.True(Sum(perProvider.Select(e => e.Event)) <= new Amount(5_000));
        }

        Assert.Contains(emission, e => e.Event.To != h.State.Params.Treasury);
        var minted = Sum(events.Where(e => e.Event.From == default).Select(e => e.Event));
        var burned = Sum(events.Where(e => e.Event.To == default).Select(e => e.Event));
        Assert.Equal(supplyBefore + minted - burned, h.State.FindAsset(AssetId.Fsh)!.Supply);
        Assert.Empty(MarketStore.EpochWork(h.State));
        Assert.Equal(Amount.Zero, MarketStore.EmissionAccrued(h.State));
    }

    [Fact]
    public void EmissionOff_WritesNoEmissionRecords()
    {
        var profiles = new[] { new ProviderProfile("z0", new Amount(10), 2) };
        var h = MarketHarness.Create(profiles, new Random(3), clients: 1);
        h.Submit(h.Clients[0], MarketHarness.Spec(VerificationPolicy.SpotCheck));
        h.RunUntilIdle(40);
        Assert.Empty(MarketStore.EpochWork(h.State));
        Assert.Equal(Amount.Zero, MarketStore.EmissionAccrued(h.State));
    }

    private static Amount Sum(IEnumerable<LedgerEvent> events) => events.Aggregate(Amount.Zero, (a, e) => a + e.Amount);
}
