using System.Collections.Immutable;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>Memory per agent and the largest population whose run fits the budget.</summary>
/// <param name="Scenario">The scenario probed.</param>
/// <param name="Model">Its model.</param>
/// <param name="Points">The runs, smallest population first.</param>
/// <param name="BytesPerAgent">The least-squares slope of <see cref="PopulationPoint.PeakBytes"/> over agents.</param>
/// <param name="FixedBytes">Its intercept.</param>
/// <param name="BudgetBytes">The memory budget.</param>
/// <param name="LargestAgents">The most agents whose run's peak fits the budget by the fit (capped by the model's own limit).</param>
/// <param name="EstimatedSeconds">The time of a run of <paramref name="Steps"/> steps at that size, at the largest point's agent-steps per second.</param>
/// <param name="Steps">Steps per run.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set over the whole benchmark.</param>
public sealed record PopulationResult(
    string Scenario,
    string Model,
    ImmutableArray<PopulationPoint> Points,
    double BytesPerAgent,
    double FixedBytes,
    long BudgetBytes,
    long LargestAgents,
    double EstimatedSeconds,
    int Steps,
    long PeakWorkingSetBytes);
