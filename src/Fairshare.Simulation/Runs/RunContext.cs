namespace Fairshare.Simulation.Runs;

/// <summary>What one run of a model gets besides its parameters.</summary>
/// <param name="RunIndex">The run's number, from 1.</param>
/// <param name="Seed">The run's seed (derived from the scenario seed and the run index by the runner).</param>
/// <param name="Steps">Timesteps (blocks) to simulate.</param>
/// <param name="StepDone">Called after each step with the steps done so far (for progress bars); may be null.</param>
/// <param name="Cancellation">Stops the run early by throwing <see cref="OperationCanceledException"/>.</param>
/// <param name="SampleEvery">Steps between the samples of <see cref="RunOutcome.Series"/> (the scenario's
/// <c>sample_every</c>); 0 = no series.</param>
public sealed record RunContext(int RunIndex, ulong Seed, int Steps, Action<int>? StepDone = null, CancellationToken Cancellation = default, int SampleEvery = 0);
