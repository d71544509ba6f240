using System.Collections.Immutable;
using Fairshare.Simulation.Rtt;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>What <c>fairshare bench sim</c> measured.</summary>
/// <param name="Runs">RTT-1000 runs per timing (10).</param>
/// <param name="Repetitions">Timed repetitions per mode.</param>
/// <param name="SingleSeconds">Median wall seconds of the runs one after another on one thread.</param>
/// <param name="ParallelSeconds">Median wall seconds of the runs in parallel over runs.</param>
/// <param name="Parallelism">Cores used by the parallel mode.</param>
/// <param name="Hashes">The final-balance hashes of the runs.</param>
/// <param name="HashesMatch">Whether every timed repetition gave the reference hashes.</param>
/// <param name="Peer">The plain-Python peer, or null when python3 is missing or it was skipped.</param>
/// <param name="PeerNote">Why there is no peer figure, when there is none.</param>
/// <param name="Population">The population probe, or null when not asked for.</param>
public sealed record SimBenchResult(
    int Runs,
    int Repetitions,
    double SingleSeconds,
    double ParallelSeconds,
    int Parallelism,
    ImmutableArray<string> Hashes,
    bool HashesMatch,
    PeerResult? Peer,
    string? PeerNote,
    PopulationResult? Population)
{
    /// <summary>Transfers in the timed runs: runs × 1,000 steps × 1,000 agents.</summary>
    public long Transfers => (long)Runs * 1000 * 1000;

    /// <summary>Transfers per second, one thread.</summary>
    public double SingleTransfersPerSecond => Transfers / SingleSeconds;

    /// <summary>Transfers per second, parallel over runs.</summary>
    public double ParallelTransfersPerSecond => Transfers / ParallelSeconds;

    /// <summary>Microseconds per timestep, one thread (the note's unit).</summary>
    public double MicrosPerStep => SingleSeconds * 1e6 / (Runs * 1000.0);

    /// <summary>Speed-up of the single-threaded runs over the note's radCAD time.</summary>
    public double SpeedUpVsRadCad => RttReference.RadCadSeconds / SingleSeconds;
}
