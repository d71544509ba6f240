using System.Numerics;
using Fairshare.Analytics.Attribution;
using Fairshare.Analytics.Waterfall;
using Fairshare.Core.Ledger;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;

namespace Fairshare.Analytics.Tests.Waterfall;

/// <summary>
/// Jobs driven to their end on a real market (honest, cheating and slow providers; spot checks, replicas, canaries,
/// cancels): every job's waterfall adds up to its locked escrow, and the job records agree with the end-of-block
/// events to the base unit. The block-range waterfall of the same run reconciles too.
/// </summary>
public sealed class JobWaterfallTests
{
    private static readonly ProviderBehaviour[] Behaviours =
        [ProviderBehaviour.Honest, ProviderBehaviour.Honest, ProviderBehaviour.Cheater, ProviderBehaviour.Slow];

    [Property(MaxTest = 25, StartSize = 40, EndSize = 120)]
    public void EveryJobsWaterfall_ReconcilesToItsEscrow_AndMatchesTheEvents(byte[] script)
    {
        if (script.Length < 8) return;
        var profiles = Enumerable.Range(0, 6).Select(i => new ProviderProfile(
            $"p{i}", new Amount(10 + (ulong)(script[i] % 7)), (ushort)(1 + script[i] % 3), Behaviours[script[i] / 7 % Behaviours.Length], 0.5)).ToList();
        var h = MarketHarness.Create(profiles, new Random(script[6]), clients: 2, p => p with
        {
            SpotCheckPpm = Units.PpmDenominator,
            ExpectedWindowBlocks = 2,
            ProtocolFeeBps = (ushort)(500 + script[7] * 20),
            FeeBurnBps = (ushort)(script[7] * 39),
        });
        var flows = new List<FlowRecord>();
        for (int i = 8; i + 1 < script.Length && i < 8 + 2 * 60; i += 2)
        {
            Act(h, script[i], script[i + 1]);
            Record(h.Step(), flows);
        }

        foreach (var job in MarketStore.Jobs(h.State).Where(j => j.State == JobState.Open))
            h.Queue(h.Clients.First(c => h.Address(c) == job.Client), new MarketCancelJobPayload(job.Id));
        for (int i = 0; i < 300 && MarketStore.ActiveJobIds(h.State).Count > 0; i++) Record(h.Step(), flows);

        var jobs = MarketStore.Jobs(h.State).ToList();
        foreach (var job in jobs)
        {
            var report = JobWaterfall.Build(job, a => a.ToString());
            Assert.True(report.Reconciles, $"job {job.Id}: steps {Sum(report.Steps.Select(s => s.Amount))} != locked {report.Locked}");
            Assert.Equal(job.Paid.ToBigInteger(), Sum(job.Slots.Select(s => s.Paid.ToBigInteger())));
        }

        var escrow = MarketStore.EscrowAccount;
        var events = flows.Select(f => f.Event).ToList();
        Assert.Equal(
            Sum(events.Where(e => e.From == escrow && e.Tag == FlowTag.JobPayment).Select(e => e.Amount.ToBigInteger())),
            Sum(jobs.SelectMany(j => j.Slots).Select(s => (s.IsExecutor ? s.Earned : s.Paid).ToBigInteger())));
        Assert.Equal(
            Sum(events.Where(e => e.From == escrow && e.Tag == FlowTag.ProtocolFee).Select(e => e.Amount.ToBigInteger())),
            Sum(jobs.SelectMany(j => j.Slots).Where(s => s.IsExecutor).Select(s => (s.Paid - s.Earned).ToBigInteger())));
        Assert.Equal(
            Sum(events.Where(e => e.From == escrow && e.Tag == FlowTag.ProtocolFee && e.To == default).Select(e => e.Amount.ToBigInteger())),
            Sum(jobs.Select(j => j.Burned.ToBigInteger())));
        Assert.Equal(
            Sum(events.Where(e => e.From == escrow && e.Tag == FlowTag.Refund).Select(e => e.Amount.ToBigInteger())),
            Sum(jobs.Select(j => j.Refunded.ToBigInteger())));
        Assert.Equal(
            Sum(events.Where(e => e.From == MarketStore.DisputeAccount && e.Tag == FlowTag.JobPayment).Select(e => e.Amount.ToBigInteger())),
            Sum(jobs.SelectMany(j => j.Slots).Where(s => !s.IsExecutor).Select(s => (s.Earned - s.Paid).ToBigInteger())));

        var range = RangeWaterfall.Build(flows, AccountDirectory.Empty, AssetId.Fsh, 0, h.Height);
        Assert.True(range.Reconciles);
    }

    [Fact]
    public void ASettledJob_PaysItsProviders_TheTreasury_TheBurn_AndRefundsTheRest()
    {
        var h = MarketHarness.Create([new ProviderProfile("p0", new Amount(1_000), 1), new ProviderProfile("p1", new Amount(1_000), 1)], new Random(1), clients: 1,
            p => p with { ProtocolFeeBps = 1_000, FeeBurnBps = 5_000 });
        h.Submit(h.Clients[0], MarketHarness.Spec(VerificationPolicy.Replicate, replicas: 2, cap: new Amount(2_000)));
        h.RunUntilIdle(50);
        var job = MarketStore.Jobs(h.State).Single();
        Assert.Equal(JobState.Settled, job.State);
        var report = JobWaterfall.Build(job, a => a.ToString());
        Assert.True(report.Reconciles);
        var providers = report.Steps.Where(s => s.Kind == "provider").ToList();
        Assert.Equal(2, providers.Count);
        var price = job.Slots[0].Price.ToBigInteger();
        Assert.All(providers, p => Assert.Equal(price - price / 10, p.Amount));
        Assert.Equal(2 * (price / 10 / 2), report.Steps.Single(s => s.Kind == "burned").Amount);
        Assert.Equal(2 * (price / 10) - 2 * (price / 10 / 2), report.Steps.Single(s => s.Kind == "protocol fee → treasury").Amount);
        Assert.Equal(job.Refunded.ToBigInteger(), report.Steps.SingleOrDefault(s => s.Kind == "refund")?.Amount ?? 0);
    }

    private static void Act(MarketHarness h, byte op, byte what)
    {
        string client = h.Clients[what % 2];
        var spec = MarketHarness.Spec(VerificationPolicy.SpotCheck, input: (ulong)(op << 8 | what), cap: new Amount(10 + (ulong)(what % 8)), deadlineBlocks: 2 + (uint)(what % 4));
        switch (op % 6)
        {
            case 0 or 1:
                h.Submit(client, spec);
                break;
            case 2:
                h.Submit(client, spec with { Policy = VerificationPolicy.Replicate, Replicas = (byte)(2 + what % 3) });
                break;
            case 3:
                h.SubmitCanary(client, spec, lie: what % 4 == 0);
                break;
            case 4:
                var jobs = MarketStore.Jobs(h.State).ToList();
                if (jobs.Count > 0) h.Queue(client, new MarketCancelJobPayload(jobs[what % jobs.Count].Id));
                break;
        }
    }

    private static void Record(Fairshare.Core.Ledger.Blocks.ProducedBlock produced, List<FlowRecord> flows)
    {
        if (produced.Block is null) return;
        var header = produced.Block.Header;
        foreach (var receipt in produced.Receipts)
        {
            foreach (var e in receipt.Events) flows.Add(new FlowRecord(header.Height, header.TimestampMs, receipt.TxId, e));
        }
    }

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (a, b) => a + b);
}
