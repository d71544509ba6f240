using Fairshare.Cli;
using Fairshare.Cli.Commands;
namespace Fairshare.Bench.Cluster;

/// <summary>
/// The leader of a 3-validator cluster SIGKILLed under load: how long until a new leader committed a block, whether
/// every transaction acknowledged as committed is in the survivors' chain, and how long the killed node took, once
/// restarted on its data directory, to reach the survivors' head with the same state root.
/// </summary>
/// <param name="KilledAfter">Transactions acknowledged when the leader was killed.</param>
/// <param name="HeightAtKill">The highest height any validator reported just before the kill.</param>
/// <param name="NewLeaderMs">From the kill to the first block of a new leader seen in a survivor's status (polled every 10 ms).</param>
/// <param name="NewLeaderHeight">That block's height.</param>
/// <param name="Acknowledged">Transactions answered committed during the whole load.</param>
/// <param name="Missing">Of those, how many are not in the survivors' chain (must be 0).</param>
/// <param name="CatchUpMs">From restarting the killed node to its reaching the survivors' head at restart time.</param>
/// <param name="CatchUpHeight">That head's height.</param>
/// <param name="RootsMatch">Whether the restarted node's block at that height has the survivors' state root.</param>
/// <param name="Load">The load run across the kill.</param>
public sealed record FailoverResult(
    int KilledAfter,
    ulong HeightAtKill,
    double NewLeaderMs,
    ulong NewLeaderHeight,
    int Acknowledged,
    int Missing,
    double CatchUpMs,
    ulong CatchUpHeight,
    bool RootsMatch,
    ClusterLoadResult Load);
