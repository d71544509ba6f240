using System.Collections.Immutable;

namespace Fairshare.Agents.Bench;

/// <summary>The figures of <c>fairshare bench job</c>.</summary>
/// <param name="Model">The benchmark model and batch.</param>
/// <param name="Jobs">Jobs sent through the whole path.</param>
/// <param name="DirectMsPerBatch">One batch straight through ONNX Runtime (mean, after warm-up).</param>
/// <param name="PathMsPerJob">Wall time of the whole path per job: submit → match → run → commit → reveal → settle.</param>
/// <param name="OverheadPercent">(path − direct) / direct × 100.</param>
/// <param name="Blocks">Blocks the path run took.</param>
/// <param name="MeanLatencyBlocks">Blocks from submission to settlement, mean.</param>
/// <param name="Costs">The cost multiplier of each verification policy.</param>
public sealed record JobBenchResult(
    string Model, int Jobs, double DirectMsPerBatch, double PathMsPerJob, double OverheadPercent, ulong Blocks, double MeanLatencyBlocks,
    ImmutableArray<PolicyCost> Costs);
