using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace Fairshare.Simulation.Runs;

/// <summary>
/// Runs an <see cref="ExperimentPlan"/>: every point × every run, in parallel over runs on one worker pool, each run
/// seeded from the scenario seed and its run number alone, so the records are the same whatever the parallelism.
/// </summary>
/// <param name="parallelism">The most runs at once (1 = one after another).</param>
public sealed class SimulationRunner(int parallelism)
{
    /// <summary>The most runs at once.</summary>
    public int Parallelism { get; } = parallelism >= 1 ? parallelism : throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "parallelism must be at least 1");

    /// <summary>
    /// Runs the plan. <paramref name="progress"/> gets the steps done over all runs (up to <see cref="ExperimentPlan.TotalSteps"/>)
    /// about a thousand times in all, from any thread.
    /// </summary>
    public ExperimentResult Run(ExperimentPlan plan, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int runs = plan.Runs;
        var jobs = new (ExperimentPoint Point, int Run, ulong Seed, System.Text.Json.Nodes.JsonObject Parameters)[plan.TotalRuns];
        for (int i = 0; i < jobs.Length; i++)
        {
            var point = plan.Points[i / runs];
            int run = i % runs + 1;
            jobs[i] = (point, run, plan.SeedFor(run), point.Parameters.DeepClone().AsObject());
        }

        var outcomes = new RunOutcome[jobs.Length];
        long done = 0, total = plan.TotalSteps, every = Math.Max(1, total / 1000);
        Action<int>? stepDone = progress is null ? null : _ =>
        {
            long now = Interlocked.Increment(ref done);
            if (now % every == 0 || now == total) progress(now);
        };
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        try
        {
            Parallel.For(0, jobs.Length, options, i =>
            {
                var job = jobs[i];
                outcomes[i] = plan.Model.Run(job.Parameters, new RunContext(job.Run, job.Seed, plan.Steps, stepDone, cancellation, plan.Scenario.SampleEvery));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var records = jobs.Select((job, i) => new RunRecord(job.Point, job.Run, job.Seed, outcomes[i])).ToImmutableArray();
        return new ExperimentResult(plan, records, [.. plan.Points.Select(p => Summarize(p, records.Where(r => ReferenceEquals(r.Point, p)).ToImmutableArray()))]);
    }

    private static PointSummary Summarize(ExperimentPoint point, ImmutableArray<RunRecord> records)
    {
        var names = records[0].Outcome.Metrics.Select(m => m.Name);
        return new PointSummary(point, records.Length, [.. names.Select(name => Summarize(name, records))]);
    }

    /// <summary>A metric over the runs; a money metric's figures also exact, over the runs that defined it.</summary>
    private static MetricSummary Summarize(string name, ImmutableArray<RunRecord> records)
    {
        var summary = MetricSummary.Of(name, records.Select(r => Value(r, name)));
        var money = records.Select(r => r.Outcome.Metrics.FirstOrDefault(m => m.Name == name)).Where(m => m?.Amount is not null).ToList();
        return money.Count == 0 ? summary : summary with { Amounts = AmountSummary.Of(money[0]!.Symbol ?? "", money.Select(m => m!.Amount!.Value)) };
    }

    private static double Value(RunRecord record, string metric) =>
        record.Outcome.Metrics.FirstOrDefault(m => m.Name == metric)?.Value ?? double.NaN;
}
