using Fairshare.Cli;
using Fairshare.Cli.Commands;
namespace Fairshare.Bench.Simulation;

/// <summary>One population run of the memory probe.</summary>
/// <param name="Agents">Agents.</param>
/// <param name="Steps">Steps run.</param>
/// <param name="Seconds">Wall seconds of the run (steps and final metrics).</param>
/// <param name="StateBytes">Live managed bytes at the last step, above the baseline before the run (the model's state).</param>
/// <param name="FinishBytes">Bytes allocated after the last step until the run returned (metrics, outcome): a bound on what
/// the finish adds to the state.</param>
public sealed record PopulationPoint(int Agents, int Steps, double Seconds, long StateBytes, long FinishBytes)
{
    /// <summary>A bound on the run's peak managed memory: the state plus everything the finish allocated.</summary>
    public long PeakBytes => StateBytes + FinishBytes;

    /// <summary>Agent-steps per second.</summary>
    public double AgentStepsPerSecond => (double)Agents * Steps / Seconds;
}
