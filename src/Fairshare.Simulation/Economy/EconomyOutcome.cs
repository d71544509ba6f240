using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Economy;

/// <summary>The outcome metrics and distributions of an economy run (names in <c>docs/simulation.md</c>).</summary>
internal static class EconomyOutcome
{
    /// <summary>Slot-blocks in use over capacity-blocks, over every provider while it was registered.</summary>
    private static double Utilization(IReadOnlyList<Agents.ProviderAgent> providers)
    {
        long capacity = providers.Sum(p => p.CapacityBlocks);
        return capacity == 0 ? double.NaN : (double)providers.Sum(p => p.SlotBlocks) / capacity;
    }

    /// <summary>Measures a finished run.</summary>
    public static RunOutcome Measure(EconomyRun run)
    {
        var world = run.World;
        var book = world.Book;
        var state = world.State;
        var income = run.Providers.Select(p => book.Income[p.Address]).ToImmutableArray();
        var incomeHoldings = Holdings.Create(income);
        // Income per unit of hardware (capacity × benchmark score): what capacity-proportional sharing would make equal.
        var perCapacity = Holdings.Create([.. run.Providers.Select((p, i) => income[i] / ((BigInteger)p.Offer.Capacity * p.Offer.BenchmarkScore))]);
        var records = run.Providers.Select(p => MarketStore.Provider(state, p.Address)).ToList();
        var (governanceNakamoto, lastVotes) = Governance(run);
        double sold = run.Insiders.Sum(i => TokenUnits.ToTokens(i.Sold));
        double allocated = run.Insiders.Sum(i => TokenUnits.ToTokens(i.Allocation));
        var rugSpent = run.RugBuyers.Aggregate(BigInteger.Zero, (sum, b) => sum + b.Spent);
        var rugLoss = rugSpent - run.RugBuyers.Aggregate(BigInteger.Zero, (sum, b) => sum + b.Received);
        var metrics = ImmutableArray.Create(
            new RunMetric("provider_income_gini", incomeHoldings.IsOk ? Gini.Exact(incomeHoldings.Value!).ToDouble() : double.NaN),
            new RunMetric("provider_income_nakamoto", incomeHoldings.IsOk ? Nakamoto.Coefficient(incomeHoldings.Value!, Fraction.Half) : double.NaN),
            new RunMetric("provider_income_top1_share", incomeHoldings.IsOk ? TopShare.OfCount(incomeHoldings.Value!, 1).ToDouble() : double.NaN),
            new RunMetric("providers_earning", income.Count(i => i.Sign > 0)),
            new RunMetric("providers_exited", run.Providers.Count(p => p.Exited)),
            new RunMetric("governance_nakamoto", governanceNakamoto),
            new RunMetric("client_cost_per_unit", book.WorkUnits.IsZero ? double.NaN : TokenUnits.ToTokens(book.Paid) / (double)book.WorkUnits),
            new RunMetric("job_latency_blocks", book.JobsSettled == 0 ? double.NaN : (double)book.LatencyBlocks / book.JobsSettled),
            new RunMetric("jobs_submitted", book.JobsSubmitted),
            new RunMetric("jobs_settled", book.JobsSettled),
            new RunMetric("jobs_failed", book.JobsFailed),
            new RunMetric("cheats_caught", records.Sum(r => r is null ? 0 : (double)r.Stats.Faults)),
            new RunMetric("cheats_undetected", book.WrongAccepted),
            RunMetric.Money("emission_to_providers", book.EmissionToProviders, "FSH"),
            RunMetric.Money("emission_to_treasury", book.EmissionToTreasury, "FSH"),
            new RunMetric("flash_loan_attempts", run.Attackers.Sum(a => a.Attempts)),
            new RunMetric("flash_loan_reverts", run.Attackers.Sum(a => a.Reverts)),
            RunMetric.Money("flash_loan_profit", run.Attackers.Aggregate(BigInteger.Zero, (sum, a) => sum + a.Profit), "USDF"),
            RunMetric.Money("rug_pull_loss", rugLoss, "USDF"),
            new RunMetric("rug_pull_loss_share", rugSpent.Sign > 0 ? new Fraction(rugLoss, rugSpent).ToDouble() : double.NaN),
            new RunMetric("founder_share_sold", allocated > 0 ? sold / allocated : double.NaN),
            new RunMetric("arbitrage_trades", run.Arbitrageurs.Sum(a => a.Trades)),
            new RunMetric("pool_price", world.AmmPrice),
            new RunMetric("txs_rejected", book.Rejected),
            new RunMetric("provider_capacity_gini", Gini.Exact(Holdings.Create(run.Providers.Select(p => (long)p.Offer.Capacity * (long)p.Offer.BenchmarkScore)).Value!).ToDouble()),
            new RunMetric("provider_income_per_capacity_gini", perCapacity.IsOk ? Gini.Exact(perCapacity.Value!).ToDouble() : double.NaN),
            new RunMetric("capacity_utilization", Utilization(run.Providers)),
            new RunMetric("mean_provider_price", run.Providers.Where(p => !p.Exited).Select(p => TokenUnits.ToTokens(p.Offer.PricePerWorkUnit)).DefaultIfEmpty(double.NaN).Average()));
        var holdings = state.AccountsInOrder().Select(a => a.BalanceOf(AssetId.Fsh).ToBigInteger()).Where(b => b.Sign > 0).ToImmutableArray();
        var distributions = ImmutableArray.Create(
            new RunDistribution("provider income (FSH base units; every provider, zeros included)", income),
            new RunDistribution("FSH holdings (base units; every account with FSH, modules included)", holdings),
            new RunDistribution("vote weights (after the voting rule; the last proposal's voters)", lastVotes));
        return new RunOutcome(metrics, distributions, run.Series, state.Head.StateRoot.ToString());
    }

    /// <summary>
    /// The mean, over proposals with votes, of NC_1/2 of the vote weights cast (after the rule); and the last such
    /// proposal's weights.
    /// </summary>
    private static (double Nakamoto, ImmutableArray<BigInteger> LastVotes) Governance(EconomyRun run)
    {
        var state = run.World.State;
        var voters = run.VoterAddresses.ToList();
        double sum = 0;
        int counted = 0;
        ImmutableArray<BigInteger> last = [];
        foreach (var proposal in GovStore.AllProposals(state))
        {
            var weights = voters.Select(v => GovStore.Receipt(state, proposal.Id, v)).Where(r => r is not null).Select(r => r!.Votes.ToBigInteger()).ToImmutableArray();
            var holdings = Holdings.Create(weights);
            if (!holdings.IsOk) continue;
            sum += Nakamoto.Coefficient(holdings.Value!, Fraction.Half);
            counted++;
            last = weights;
        }

        return (counted == 0 ? double.NaN : sum / counted, last);
    }
}
