using System.Collections.Immutable;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// A job blob decoded and checked as <see cref="JobTensors.Decode"/> does, its tensor data left in the blob: what a
/// runner needs to bind the inputs without copying them (<see cref="JobTensors.DecodeSlices"/>).
/// </summary>
/// <param name="Layout">How the items were made.</param>
/// <param name="Items">The items, in blob order.</param>
/// <param name="Fault">The recorded fault, or <see cref="ComputeError.None"/>.</param>
public sealed record JobTensorSlices(JobLayout Layout, ImmutableArray<JobItemSlices> Items, ComputeError Fault);
