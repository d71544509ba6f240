using System.Collections.Immutable;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// One item of a job: a named set of tensors that is run on its own (a model's inputs, or the outputs of one run).
/// </summary>
/// <param name="Name">The item's name: empty for an unnamed single item, a file stem, or a batch index.</param>
/// <param name="Tensors">The tensors, in blob order; names are unique.</param>
public sealed record JobItem(string Name, ImmutableArray<TensorData> Tensors)
{
    /// <summary>The tensor named <paramref name="name"/> (ordinal), or null.</summary>
    public TensorData? Find(string name) => Tensors.FirstOrDefault(t => t.Name == name);
}
