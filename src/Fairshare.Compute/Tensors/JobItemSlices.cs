using System.Collections.Immutable;

namespace Fairshare.Compute.Tensors;

/// <summary>One item of a decoded job blob with its tensors left in the blob (<see cref="JobTensors.DecodeSlices"/>).</summary>
/// <param name="Name">The item's name.</param>
/// <param name="Tensors">Where its tensors lie in the blob, in blob order.</param>
public sealed record JobItemSlices(string Name, ImmutableArray<TensorSlice> Tensors);
