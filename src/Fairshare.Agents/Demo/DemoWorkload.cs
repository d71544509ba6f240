using System.Collections.Immutable;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Demo;

/// <summary>The demo's real inference work, stored in the blob store: one model, one input blob per job, and each
/// input's reference output (computed here before the run: the known answers of canary jobs, and what every settled
/// job's accepted output is checked against afterwards).</summary>
/// <param name="Model">The ONNX model's content address.</param>
/// <param name="Inputs">Each job's input blob address, in submission order.</param>
/// <param name="ReferenceOutputs">Input address → the address of the output computed here.</param>
/// <param name="WorkUnits">Work units of one job (10^6 multiply-accumulates).</param>
/// <param name="ModelDescription">What the model is, for the report.</param>
public sealed record DemoWorkload(Hash32 Model, ImmutableArray<Hash32> Inputs, ImmutableDictionary<Hash32, Hash32> ReferenceOutputs, ulong WorkUnits, string ModelDescription);
