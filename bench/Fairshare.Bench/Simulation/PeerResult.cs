using System.Collections.Immutable;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>The plain-Python RTT-1000 peer, timed as a subprocess in the same run.</summary>
/// <param name="Interpreter">The interpreter and its version.</param>
/// <param name="Runs">Runs it did.</param>
/// <param name="ProcessSeconds">Wall seconds of the whole subprocess (interpreter start included).</param>
/// <param name="LoopSeconds">Seconds of its runs as it timed them itself.</param>
/// <param name="Hashes">Its final-balance hashes, run 1 on.</param>
/// <param name="HashesMatch">Whether they are the reference hashes.</param>
public sealed record PeerResult(string Interpreter, int Runs, double ProcessSeconds, double LoopSeconds, ImmutableArray<string> Hashes, bool HashesMatch)
{
    /// <summary>Its loop seconds scaled to RTT-1000's 10 runs.</summary>
    public double TenRunSeconds => LoopSeconds * 10 / Runs;
}
