using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Rtt;

/// <summary>
/// The RTT-1000 peer benchmark (research note §3): random-fraction transfers between <c>agents</c> agents who start
/// with <c>initial_balance</c> each. The run's seed is the generator's starting state (the rtt scenarios seed runs
/// as <c>0x5EED0000 + run</c>), so the final balances hash exactly as in radCAD, cadCAD and plain Python.
/// Metrics: gini, top10_share, hhi, nakamoto_half, max, min, volume; the fingerprint is the balances' FNV-1a-64.
/// </summary>
public sealed class RttModel : ISimulationModel
{
    /// <summary>The model's name in scenario files.</summary>
    public const string ModelName = "rtt";

    /// <summary>The number of agents when the parameter is absent (RTT-1000).</summary>
    public const int DefaultAgents = 1000;

    /// <summary>Each agent's starting balance when the parameter is absent.</summary>
    public const long DefaultInitialBalance = 1000;

    private static readonly ImmutableArray<string> Known = ["agents", "initial_balance"];

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public void Validate(JsonObject parameters) => Read(parameters);

    /// <inheritdoc/>
    public RunOutcome Run(JsonObject parameters, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (agents, initial) = Read(parameters);
        var simulation = new RttSimulation(agents, initial, context.Seed);
        var series = context.SampleEvery > 0 ? NewSeries() : null;
        series?.AddRow(SampleRow(simulation));
        for (int step = 1; step <= context.Steps; step++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            simulation.Step();
            if (series is not null && (step % context.SampleEvery == 0 || step == context.Steps)) series.AddRow(SampleRow(simulation));
            context.StepDone?.Invoke(step);
        }

        return Outcome(simulation, series);
    }

    /// <summary>The run's metrics and distribution from its final state.</summary>
    internal static RunOutcome Outcome(RttSimulation simulation, ReportTable? series)
    {
        var holdings = Measure(simulation.BalanceArray);
        var balances = simulation.Balances;
        long max = long.MinValue, min = long.MaxValue;
        foreach (long b in balances)
        {
            max = Math.Max(max, b);
            min = Math.Min(min, b);
        }

        ImmutableArray<RunMetric> metrics =
        [
            new("gini", Gini.Exact(holdings).ToDouble()),
            new("top10_share", TopShare.OfCount(holdings, 10).ToDouble()),
            new("hhi", Hhi.Exact(holdings).ToDouble()),
            new("nakamoto_half", Nakamoto.Coefficient(holdings, Fraction.Half)),
            new("max", max),
            new("min", min),
            new("volume", simulation.Volume),
        ];
        return new RunOutcome(metrics, [new RunDistribution("balances (every agent)", holdings.Ascending)], series, BalanceHash.ToHex(simulation.Hash()));
    }

    private static Holdings Measure(long[] balances)
    {
        var result = Holdings.Create(balances);
        return result.IsOk ? result.Value : throw new ScenarioException("empty_economy", $"the balances cannot be measured: {result.Message}");
    }

    private static ReportTable NewSeries() => new("series",
    [
        new TableColumn("step", ColumnKind.Integer),
        new TableColumn("volume", ColumnKind.Integer),
        new TableColumn("gini", ColumnKind.Real),
        new TableColumn("max", ColumnKind.Integer),
        new TableColumn("min", ColumnKind.Integer),
    ]);

    private static object?[] SampleRow(RttSimulation simulation)
    {
        var holdings = Measure(simulation.BalanceArray);
        return [simulation.StepsDone, simulation.Volume, Gini.Exact(holdings).ToDouble(), (long)holdings.Ascending[^1], (long)holdings.Ascending[0]];
    }

    private static (int Agents, long InitialBalance) Read(JsonObject parameters)
    {
        ModelParameters.RejectUnknown(parameters, ModelName, Known);
        int agents = (int)ModelParameters.Integer(parameters, "agents", DefaultAgents, 2, Array.MaxLength);
        // The supply times 10 (the largest percentage) must fit a long.
        long initial = ModelParameters.Integer(parameters, "initial_balance", DefaultInitialBalance, 1, long.MaxValue / 11 / agents);
        return (agents, initial);
    }
}
