using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using Xunit.Abstractions;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// Spot checks catch a cheater as design §5.4 predicts. A provider that returns wrong outputs on a fraction f of its
/// jobs, checked with probability p each, is caught within n jobs with probability 1 − (1 − p·f)^n; with a probation
/// of k fully checked jobs, 1 − (1 − f)^k × (1 − p·f)^(n − k). Each run is a fresh chain: one cheapest cheater and five
/// honest providers under lowest-price matching, so every job goes to the cheater while it is free; the test's seeded
/// Random decides which of its slots it falsifies, the previous block hashes decide which jobs are checked.
/// </summary>
public sealed class DetectionTests(ITestOutputHelper output)
{
    private const double CheatFraction = 0.2;
    private const double CheckRate = 0.1;
    private const ushort CheaterCapacity = 8;

    [Fact]
    public void ACheaterOnAFifthOfItsJobs_IsSlashedWithin200Jobs_InAtLeast99Of100Runs_AndHonestProvidersNever()
    {
        const int runs = 100, jobs = 200;
        var outcomes = Enumerable.Range(0, runs).Select(seed => Run(seed, jobs, p => p)).ToList();
        int detected = outcomes.Count(o => o.Detected);
        int probation = (int)MarketParams.Default.ProbationJobs;
        double plain = 1 - Math.Pow(1 - CheckRate * CheatFraction, jobs);
        double withProbation = 1 - Math.Pow(1 - CheatFraction, probation) * Math.Pow(1 - CheckRate * CheatFraction, jobs - probation);
        output.WriteLine($"p = {CheckRate}, f = {CheatFraction}, n = {jobs}, probation = {probation} jobs fully checked, {runs} runs");
        output.WriteLine($"measured detection rate {detected}/{runs} = {(double)detected / runs:F3}");
        output.WriteLine($"predicted 1 - (1 - p f)^n = {plain:F4}; with probation 1 - (1 - f)^k (1 - p f)^(n - k) = {withProbation:F4}");
        output.WriteLine($"jobs given to the cheater until it was caught (up to {CheaterCapacity} run at once): mean {outcomes.Where(o => o.Detected).Average(o => o.JobsUntilCaught):F1}, max {outcomes.Where(o => o.Detected).Max(o => o.JobsUntilCaught)}");
        Assert.True(detected >= 99, $"detected in {detected} of {runs} runs");
        Assert.All(outcomes, o => Assert.Empty(o.HonestProblems));
    }

    [Fact]
    public void WithoutProbation_TheMeasuredRate_IsWithinFourSigmaOfTheFormula()
    {
        const int runs = 300, jobs = 20;
        var outcomes = Enumerable.Range(1_000, runs).Select(seed => Run(seed, jobs, p => p with { ProbationJobs = 0 })).ToList();
        int detected = outcomes.Count(o => o.Detected);
        double predicted = 1 - Math.Pow(1 - CheckRate * CheatFraction, jobs);
        double sigma = Math.Sqrt(predicted * (1 - predicted) / runs);
        double measured = (double)detected / runs;
        output.WriteLine($"p = {CheckRate}, f = {CheatFraction}, n = {jobs}, no probation, {runs} runs");
        output.WriteLine($"measured {detected}/{runs} = {measured:F4}; predicted 1 - (1 - p f)^n = {predicted:F4} ± 4σ = {4 * sigma:F4}");
        Assert.InRange(measured, predicted - 4 * sigma, predicted + 4 * sigma);
        // The draws themselves: the fraction of the cheater's jobs that got a checker is p, within 4σ of the binomial.
        int drawn = outcomes.Sum(o => o.Drawn), checkedJobs = outcomes.Sum(o => o.Checked);
        double rate = (double)checkedJobs / drawn, rateSigma = Math.Sqrt(CheckRate * (1 - CheckRate) / drawn);
        output.WriteLine($"spot-check draws: {checkedJobs} of {drawn} jobs checked = {rate:F4}; p = {CheckRate} ± 4σ = {4 * rateSigma:F4}");
        Assert.InRange(rate, CheckRate - 4 * rateSigma, CheckRate + 4 * rateSigma);
        Assert.All(outcomes, o => Assert.Empty(o.HonestProblems));
    }

    /// <summary>
    /// One seeded run: the client keeps the cheater's slots full until it has been given <paramref name="jobs"/> jobs or
    /// is caught, then lets every job finish.
    /// </summary>
    private static RunOutcome Run(int seed, int jobs, Func<MarketParams, MarketParams> parameters)
    {
        var honest = Enumerable.Range(0, 5).Select(i => new ProviderProfile($"honest-{i}", new Amount((ulong)(20 + i)), 8)).ToList();
        var cheater = new ProviderProfile("cheater", new Amount(10), CheaterCapacity, ProviderBehaviour.Cheater, CheatFraction);
        var h = MarketHarness.Create([cheater, .. honest], new Random(seed), clients: 1,
            p => parameters(p with { MatchingPolicy = MatchingPolicy.LowestPrice }));
        int given = 0;
        while (h.Provider(cheater.Name).Stats.Faults == 0 && given < jobs)
        {
            int free = CheaterCapacity - h.Provider(cheater.Name).OpenSlots;
            for (int i = 0; i < free && given < jobs; i++, given++) h.Submit("client-0", MarketHarness.Spec(VerificationPolicy.SpotCheck, input: (ulong)given));
            h.Step();
        }

        h.RunUntilIdle(200);
        var record = h.Provider(cheater.Name);
        var problems = honest
            .Select(p => (p.Name, Record: h.Provider(p.Name), Bonded: StakingModule.SelfBonded(h.State, h.Address(p.Name))))
            .Where(p => p.Record.Stats.Faults != 0 || p.Record.Stats.Missed != 0 || p.Bonded != MarketHarness.Bond)
            .Select(p => $"seed {seed}: {p.Name} faults {p.Record.Stats.Faults}, missed {p.Record.Stats.Missed}, bonded {p.Bonded}")
            .ToList();
        Assert.Empty(MarketStore.ActiveJobIds(h.State));
        var cheaterJobs = MarketStore.Jobs(h.State).Where(j => j.Slots[0].Provider == h.Address(cheater.Name) && j.Draw != SpotDraw.NotDrawn).ToList();
        return new RunOutcome(record.Stats.Faults > 0, given, problems, cheaterJobs.Count, cheaterJobs.Count(j => j.Draw == SpotDraw.Checked));
    }

    private sealed record RunOutcome(bool Detected, int JobsUntilCaught, IReadOnlyList<string> HonestProblems, int Drawn, int Checked);
}
