using System.Collections.Immutable;
using Fairshare.Agents;

namespace Fairshare.Bench.Jobs;

/// <summary>The figures of <c>fairshare bench job</c>.</summary>
/// <param name="Model">The model, its work and items.</param>
/// <param name="Sandbox">Where the providers ran the jobs (<c>worker process</c> as a real provider does, or <c>in-process</c>).</param>
/// <param name="Jobs">Jobs sent through the whole path.</param>
/// <param name="DirectMsPerJob">One job's items straight through ONNX Runtime (mean, after warm-up).</param>
/// <param name="SandboxMsPerJob">The providers' own time per job in their sandbox: reading the blobs, running, encoding the output.</param>
/// <param name="PathMsPerJob">Wall time of the whole path per job: submit → match → run → commit → reveal → settle.</param>
/// <param name="OverheadPercent">(path − direct) / direct × 100.</param>
/// <param name="Blocks">Blocks the path run took.</param>
/// <param name="MeanLatencyBlocks">Blocks from submission to settlement, mean.</param>
/// <param name="Costs">The cost multiplier of each verification policy (empty when skipped).</param>
public sealed record JobBenchResult(
    string Model, string Sandbox, int Jobs, double DirectMsPerJob, double SandboxMsPerJob, double PathMsPerJob, double OverheadPercent, ulong Blocks,
    double MeanLatencyBlocks, ImmutableArray<PolicyCost> Costs);
