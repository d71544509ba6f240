namespace Fairshare.Simulation.Runs;

/// <summary>One finished run.</summary>
/// <param name="Point">The parameter point it ran at.</param>
/// <param name="Run">The run's number, from 1.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="Outcome">What it produced.</param>
public sealed record RunRecord(ExperimentPoint Point, int Run, ulong Seed, RunOutcome Outcome);
