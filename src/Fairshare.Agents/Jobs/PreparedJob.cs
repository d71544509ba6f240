using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Models.Inspection;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// A job checked on the client's machine before anything is uploaded or locked: the model parses, uses only operators
/// and opsets the providers' runtime supports, loads in ONNX Runtime; every input fits its signature; both blobs are
/// within the governed sizes; the work is estimated from the graph.
/// </summary>
/// <param name="Model">The model blob.</param>
/// <param name="ModelHash">Its SHA-256 content address.</param>
/// <param name="Signature">The model's inputs, outputs, opsets and operators.</param>
/// <param name="Inputs">The inputs as they will run (a batch the model cannot take at once is split into items).</param>
/// <param name="Input">The encoded input blob.</param>
/// <param name="InputHash">Its SHA-256 content address.</param>
/// <param name="Work">The work of every item together.</param>
public sealed record PreparedJob(
    byte[] Model,
    Hash32 ModelHash,
    ModelSignature Signature,
    JobTensors Inputs,
    byte[] Input,
    Hash32 InputHash,
    WorkEstimate Work)
{
    /// <summary>The work units the job is priced by (at least one).</summary>
    public ulong WorkUnits => Math.Max(1, Work.Units);
}
