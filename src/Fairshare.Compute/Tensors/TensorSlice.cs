namespace Fairshare.Compute.Tensors;

/// <summary>
/// A checked tensor of an encoded blob, its data left where it lies: <see cref="Length"/> bytes at <see cref="Offset"/>.
/// A runner binds slices of the input blob straight into the runtime instead of copying them out first.
/// </summary>
/// <param name="Name">The tensor's name.</param>
/// <param name="Type">The element type.</param>
/// <param name="Shape">The dimensions, outermost first.</param>
/// <param name="Offset">Where the data starts in the blob.</param>
/// <param name="Length">The data's length in bytes (element count × element size).</param>
public readonly record struct TensorSlice(string Name, TensorElementType Type, long[] Shape, int Offset, int Length);
