using Fairshare.Cli;
using Fairshare.Cli.Commands;
namespace Fairshare.Bench.Cluster;

/// <summary>One cluster size's figures.</summary>
/// <param name="Validators">Validators in the cluster.</param>
/// <param name="StartSeconds">From spawning the processes to a leader answering (not part of the load's timing).</param>
/// <param name="Load">What the load gave.</param>
public sealed record ClusterBenchRow(int Validators, double StartSeconds, ClusterLoadResult Load);
