using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Agents;

namespace Fairshare.Agents.Demo;

/// <summary>Reads a finished local network back: jobs from the market's records, money from every block's receipts.</summary>
public static class DemoAccounting
{
    /// <summary>The outcome of a run under one policy.</summary>
    public static PolicyOutcome Summarize(LocalNetwork network, string policy, TimeSpan elapsed, DemoWorkload workload)
    {
        var state = network.State;
        var clientAddresses = network.Clients.Select(c => c.Address).ToHashSet();
        var jobs = MarketStore.Jobs(state).Where(j => clientAddresses.Contains(j.Client)).ToList();
        var events = AllEvents(network).Where(e => e.Asset == AssetId.Fsh).ToList();

        var flows = new SortedDictionary<FlowTag, Amount>();
        Amount burned = Amount.Zero;
        foreach (var e in events)
        {
            if (e.To == default && e.Tag == FlowTag.ProtocolFee) burned += e.Amount;
            else flows[e.Tag] = flows.GetValueOrDefault(e.Tag) + e.Amount;
        }

        var escrow = jobs.Aggregate(Amount.Zero, (sum, j) => sum + j.Locked);
        var spend = jobs.Aggregate(Amount.Zero, (sum, j) => sum + (j.Locked - j.Refunded - j.Escrow));

        using var executor = new JobExecutor(network.Blobs);
        int correct = 0, settled = 0;
        foreach (var job in jobs.Where(j => j.State == JobState.Settled))
        {
            settled++;
            var reference = workload.ReferenceOutputs[job.Spec.Input];
            if (job.AcceptedOutput == reference
                || (network.Blobs.TryGet(reference, out var mine) && executor.Agrees(mine, job.AcceptedOutput))) correct++;
        }

        var income = new ProviderIncome(network.Providers.Select(agent => agent.Address)).AddRange(events);
        var providers = network.Providers.Select(agent => Provider(state, agent, events, income)).ToImmutableArray();
        return new PolicyOutcome(
            policy, state.Head.Height, elapsed, jobs.Count, settled,
            jobs.Count(j => j.State == JobState.Failed),
            jobs.Count(j => j.Slots.Any(s => s.Role == SlotRole.Arbiter)),
            correct, providers, flows.ToImmutableSortedDictionary(), burned, escrow, spend);
    }

    /// <summary>A provider's income as an amount: a sum of FSH paid out of escrow never exceeds the supply (u256).</summary>
    private static Amount Earned(ProviderIncome income, Address provider) =>
        Amount.TryFromBigInteger(income.Of(provider), out var earned)
            ? earned
            : throw new InvalidOperationException("a provider's income exceeds what an amount can hold: the books are broken");

    private static ProviderOutcome Provider(Core.Ledger.State.LedgerState state, ProviderAgent agent, List<LedgerEvent> events, ProviderIncome income)
    {
        var record = MarketStore.Provider(state, agent.Address);
        var stats = record?.Stats;
        var stakeAccounts = new[] { StakingStore.BondedAccount(agent.Address), StakingStore.UnbondingAccount(agent.Address) };
        var slashed = events
            .Where(e => e.Tag == FlowTag.Slash && stakeAccounts.Contains(e.From))
            .Aggregate(Amount.Zero, (sum, e) => sum + e.Amount);
        var behavior = agent.Profile.Behavior;
        string role = behavior.CheatPpm > 0 ? $"cheats {behavior.CheatPpm / 10_000}%"
            : behavior.DelayBlocks > 0 ? $"slow +{behavior.DelayBlocks}-{behavior.DelayBlocks + behavior.DelayJitterBlocks}"
            : "honest";
        return new ProviderOutcome(
            agent.Profile.Name, role, agent.Profile.Offer.PricePerWorkUnit, agent.Stats.JobsRun, agent.Stats.Cheats,
            stats?.Verified ?? 0, stats?.Faults ?? 0, stats?.Missed ?? 0, slashed, Earned(income, agent.Address),
            stats?.ReputationPpm ?? 0, stats is { } s && s.JailedUntil > state.Head.Height);
    }

    private static IEnumerable<LedgerEvent> AllEvents(LocalNetwork network)
    {
        for (ulong height = 1; height <= network.State.Head.Height; height++)
        {
            foreach (var receipt in network.Node.ReadReceipts(height))
            {
                foreach (var e in receipt.Events) yield return e;
            }
        }
    }
}
