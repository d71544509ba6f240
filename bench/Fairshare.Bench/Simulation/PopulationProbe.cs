using System.Collections.Immutable;
using System.Diagnostics;
using Fairshare.Simulation.Runs;
using Fairshare.Simulation.Scenarios;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>
/// Memory per agent of any model: runs a scenario's model at several populations, reads the live managed heap at the
/// last step (the state) and the bytes allocated after it (the finish), fits bytes per agent and finds the largest
/// population whose run fits a budget. Works for every registered model that takes an agent count parameter.
/// </summary>
public static class PopulationProbe
{
    /// <summary>Measures <paramref name="scenario"/>'s model at each size of <paramref name="sizes"/>, smallest first.</summary>
    public static PopulationResult Measure(ScenarioFile scenario, string agentsParameter, IEnumerable<int> sizes, int steps, long budgetBytes, Action<string> stage, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(stage);
        var model = ModelRegistry.Default.Find(scenario.Model);
        var points = ImmutableArray.CreateBuilder<PopulationPoint>();
        foreach (int agents in sizes.Order())
        {
            stage($"population: {agents:N0} agents × {steps:N0} steps");
            var parameters = scenario.Parameters.DeepClone().AsObject();
            parameters[agentsParameter] = agents;
            model.Validate(parameters);
            points.Add(MeasureOne(model, parameters, agents, steps, cancellation));
        }

        var measured = points.ToImmutable();
        var (slope, intercept) = Fit(measured);
        var largest = measured[^1];
        long capacity = slope > 0 ? (long)Math.Floor((budgetBytes - intercept) / slope) : Array.MaxLength;
        capacity = Math.Clamp(capacity, 0, Array.MaxLength);
        double estimate = (double)capacity * steps / largest.AgentStepsPerSecond;
        return new PopulationResult(scenario.Name, model.Name, measured, slope, intercept, budgetBytes, capacity, estimate, steps, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private static PopulationPoint MeasureOne(ISimulationModel model, System.Text.Json.Nodes.JsonObject parameters, int agents, int steps, CancellationToken cancellation)
    {
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long state = 0, allocatedAtLastStep = 0;
        var context = new RunContext(1, 1, steps, step =>
        {
            if (step != steps) return;
            state = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            allocatedAtLastStep = GC.GetTotalAllocatedBytes(precise: true);
        }, cancellation);
        var clock = Stopwatch.StartNew();
        var outcome = model.Run(parameters, context);
        double seconds = clock.Elapsed.TotalSeconds;
        long finish = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtLastStep;
        GC.KeepAlive(outcome);
        return new PopulationPoint(agents, steps, seconds, state, finish);
    }

    private static (double Slope, double Intercept) Fit(ImmutableArray<PopulationPoint> points)
    {
        if (points.Length == 1) return ((double)points[0].PeakBytes / points[0].Agents, 0);
        double meanX = points.Average(p => (double)p.Agents), meanY = points.Average(p => (double)p.PeakBytes);
        double sxy = points.Sum(p => (p.Agents - meanX) * (p.PeakBytes - meanY)), sxx = points.Sum(p => (p.Agents - meanX) * (p.Agents - meanX));
        double slope = sxy / sxx;
        return (slope, meanY - slope * meanX);
    }
}
