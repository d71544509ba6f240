using System.Collections.Immutable;
using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Models.Inspection;

/// <summary>A model input or output: its name, element type and declared shape.</summary>
/// <param name="Name">The name jobs use for the tensor.</param>
/// <param name="ElementType">The element type (ONNX's <c>TensorProto.DataType</c> number).</param>
/// <param name="Shape">The declared dimensions, outermost first; null when the model does not declare the rank.</param>
public sealed record ModelTensor(string Name, TensorElementType ElementType, ImmutableArray<ModelDimension>? Shape)
{
    /// <summary>The element type's name, e.g. <c>float32</c>.</summary>
    public string TypeText => OnnxDataTypes.Name((int)ElementType);

    /// <summary>The shape as text, e.g. <c>[batch, 3, 48, ?]</c>, or <c>[*]</c> when the rank is not declared.</summary>
    public string ShapeText => Shape is { } dims ? "[" + string.Join(", ", dims) + "]" : "[*]";
}
