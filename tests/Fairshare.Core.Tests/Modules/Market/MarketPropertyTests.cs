using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// The market's books over random job streams: honest, cheating and slow providers, every verification policy, lying
/// canary clients, cancels, and each matching policy. Every spot-check job is checked here (the detection tests cover
/// partial checking), so no wrong output can ever be paid.
/// </summary>
public sealed class MarketPropertyTests
{
    private const int MaxSteps = 100;
    private static readonly ProviderBehaviour[] Behaviours =
        [ProviderBehaviour.Honest, ProviderBehaviour.Honest, ProviderBehaviour.Honest, ProviderBehaviour.Cheater, ProviderBehaviour.Slow];

    [Property(MaxTest = 100, StartSize = 60, EndSize = 300)]
    public void RandomJobStreams_KeepSupplyEscrowAndPaymentsExact_AndEveryJobEnds(byte[] script)
    {
        if (script.Length < 8) return;
        var profiles = Enumerable.Range(0, 6).Select(i => new ProviderProfile(
            $"p{i}", new Amount(10 + (ulong)(script[i] % 7)), (ushort)(1 + script[i] % 3), Behaviours[script[i] / 7 % Behaviours.Length], 0.5,
            100 + (ulong)script[i], (byte)(script[i] % 101))).ToList();
        var h = MarketHarness.Create(profiles, new Random(script[6]), clients: 2, p => p with
        {
            MatchingPolicy = (MatchingPolicy)(script[7] % 3),
            SpotCheckPpm = Units.PpmDenominator,
            ExpectedWindowBlocks = 3,
        });
        var books = new Books(h);
        for (int i = 8; i + 2 < script.Length && i < 8 + 3 * MaxSteps; i += 3)
        {
            Act(h, script[i], script[i + 1], script[i + 2]);
            books.Check(h.Step());
        }

        foreach (var job in MarketStore.Jobs(h.State).Where(j => j.State == JobState.Open))
            h.Queue(h.Clients.First(c => h.Address(c) == job.Client), new MarketCancelJobPayload(job.Id));
        for (int i = 0; i < 400 && MarketStore.ActiveJobIds(h.State).Count > 0; i++) books.Check(h.Step());
        Assert.All(MarketStore.Jobs(h.State), j => Assert.Contains(j.State, new[] { JobState.Settled, JobState.Failed, JobState.Cancelled }));
        books.CheckClients();
    }

    /// <summary>Queues one client action for the next block (or none: the block just passes).</summary>
    private static void Act(MarketHarness h, byte op, byte what, byte extra)
    {
        string client = h.Clients[what % 2];
        var spec = MarketHarness.Spec(VerificationPolicy.SpotCheck, input: (ulong)(op << 16 | what << 8 | extra),
            cap: new Amount(10 + (ulong)(extra % 8)), deadlineBlocks: 2 + (uint)(extra % 5));
        switch (op % 8)
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
                h.Submit(client, spec with { Weights = new MatchWeights(what, extra, (ushort)(what ^ extra), (ushort)(op >> 3)) });
                break;
            case 5:
                var jobs = MarketStore.Jobs(h.State).ToList();
                if (jobs.Count > 0) h.Queue(client, new MarketCancelJobPayload(jobs[extra % jobs.Count].Id));
                break;
        }
    }

    /// <summary>What the property checks after every block, and the running totals it needs.</summary>
    private sealed class Books(MarketHarness h)
    {
        private readonly Amount _genesisSupply = h.State.FindAsset(AssetId.Fsh)!.Supply;
        private readonly Dictionary<Address, Amount> _escrowed = [];
        private readonly Dictionary<Address, Amount> _refunded = [];
        private Amount _burned;

        public void Check(ProducedBlock block)
        {
            var state = h.State;
            ulong height = state.Head.Height;
            var endBlock = block.Receipts.Where(r => r.TxId == EndBlock.ReceiptId).SelectMany(r => r.Events).ToList();
            Assert.DoesNotContain(block.Receipts.Where(r => r.TxId != EndBlock.ReceiptId).SelectMany(r => r.Events), e => e.Tag == FlowTag.JobPayment);
            _burned += Sum(endBlock.Where(e => e.To == default && e.Tag == FlowTag.ProtocolFee));
            Assert.DoesNotContain(block.Receipts.SelectMany(r => r.Events), e => e.To == default && e.Tag != FlowTag.ProtocolFee);
            foreach (var e in block.Receipts.SelectMany(r => r.Events))
            {
                if (e.Tag == FlowTag.Escrow) _escrowed[e.From] = _escrowed.GetValueOrDefault(e.From) + e.Amount;
                if (e.Tag == FlowTag.Refund) _refunded[e.To] = _refunded.GetValueOrDefault(e.To) + e.Amount;
            }

            // Supply: only fee burns remove FSH, and every balance adds up to it (u256 balances cannot go below zero).
            var supply = state.FindAsset(AssetId.Fsh)!.Supply;
            Assert.Equal(_genesisSupply - _burned, supply);
            Assert.Equal(supply, h.Chain.SumOfBalances(AssetId.Fsh));

            // Escrow: the account holds exactly the open jobs' remaining escrow; each job's books add up to what it locked.
            var jobs = MarketStore.Jobs(state).ToList();
            Assert.Equal(Sum(jobs.Where(j => j.IsActive).Select(j => j.Escrow)), state.BalanceOf(MarketStore.EscrowAccount, AssetId.Fsh));
            Assert.Equal(Amount.Zero, state.BalanceOf(MarketStore.DisputeAccount, AssetId.Fsh));
            foreach (var job in jobs)
            {
                Assert.True(job.Spec.TryEscrow(out var locked));
                Assert.Equal(locked, job.Escrow + job.Paid + job.Refunded);
                if (!job.IsActive) Assert.Equal(Amount.Zero, job.Escrow);
            }

            // Payments: only for slots that revealed the true output, in jobs closed by this block, and at most their price.
            var owed = new Dictionary<Address, Amount>();
            foreach (var job in jobs.Where(j => j.ClosedHeight == height && j.State != JobState.Cancelled))
            {
                var truth = MarketHarness.Truth(job.Spec);
                foreach (var slot in job.Slots.Where(s => s.Status == SlotStatus.Revealed && s.OutputHash == truth))
                    owed[slot.Provider] = owed.GetValueOrDefault(slot.Provider) + slot.Price;
            }

            foreach (var paid in endBlock.Where(e => e.Tag == FlowTag.JobPayment).GroupBy(e => e.To))
            {
                Assert.True(owed.ContainsKey(paid.Key), $"block {height} paid {paid.Key}, which revealed no true output in a job it closed");
                Assert.True(Sum(paid.Select(e => e.Amount)) <= owed[paid.Key]);
            }

            Assert.All(MarketStore.Providers(state), p => Assert.Equal(
                MarketStore.OpenSlotsFor(state, p.Provider).Count(), p.OpenSlots));
        }

        /// <summary>
        /// Each client locked exactly cap × work × executions per job, got back all it did not spend, and spent (payments
        /// and fees) no more than it locked.
        /// </summary>
        public void CheckClients()
        {
            foreach (var client in h.Clients.Select(h.Address))
            {
                var jobs = MarketStore.Jobs(h.State).Where(j => j.Client == client).ToList();
                var locked = Sum(jobs.Select(j => j.Spec.TryEscrow(out var escrow) ? escrow : throw new InvalidOperationException("escrow overflow")));
                Assert.Equal(locked, _escrowed.GetValueOrDefault(client));
                Assert.Equal(Sum(jobs.Select(j => j.Refunded)), _refunded.GetValueOrDefault(client));
                var spent = locked - _refunded.GetValueOrDefault(client);
                Assert.Equal(Sum(jobs.Select(j => j.Paid)), spent);
                Assert.True(spent <= locked);
            }
        }

        private static Amount Sum(IEnumerable<LedgerEvent> events) => Sum(events.Select(e => e.Amount));

        private static Amount Sum(IEnumerable<Amount> amounts) => amounts.Aggregate(Amount.Zero, (sum, a) => sum + a);
    }
}
