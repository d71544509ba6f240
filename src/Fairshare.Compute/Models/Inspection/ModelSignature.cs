using System.Collections.Immutable;
using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Models.Inspection;

/// <summary>
/// What <see cref="ModelInspector.Inspect"/> found in a model that passed its checks: versions, operators, the inputs a
/// job must feed and the outputs it gets back, and the size of the stored weights.
/// </summary>
/// <param name="IrVersion">The ONNX IR version the model declares.</param>
/// <param name="Opsets">The operator sets it imports, in model order.</param>
/// <param name="Operators">The operators its nodes use, by domain and then operator type.</param>
/// <param name="Inputs">
/// The inputs a job feeds, in model order (graph inputs that are also initializers are weights, not inputs).
/// </param>
/// <param name="Outputs">The outputs, in model order.</param>
/// <param name="InitializerBytes">The bytes of the initializers of every graph (element count × element size).</param>
/// <param name="ConstantBytes">The bytes of the values of every Constant node (where some exporters keep the weights).</param>
/// <param name="NodeCount">The nodes of the main graph and its subgraphs.</param>
public sealed record ModelSignature(
    long IrVersion,
    ImmutableArray<OpsetImport> Opsets,
    ImmutableArray<OperatorUse> Operators,
    ImmutableArray<ModelTensor> Inputs,
    ImmutableArray<ModelTensor> Outputs,
    long InitializerBytes,
    long ConstantBytes,
    int NodeCount)
{
    /// <summary>
    /// Checks one item's tensors against the inputs: every name must be a model input and every model input must have
    /// a tensor, with the same element type and rank, the model's size along every fixed dimension, and one size per
    /// symbolic dimension across all the tensors. Unknown dimensions take any size. Returns null when they fit.
    /// </summary>
    public InputProblem? Check(IReadOnlyList<TensorData> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var byName = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        foreach (var tensor in inputs)
        {
            if (!byName.TryAdd(tensor.Name, tensor))
                return new InputProblem(ComputeError.InputDuplicateName, $"two input tensors are named \"{tensor.Name}\"");
        }

        var unknown = inputs.Select(t => t.Name).Where(name => !Inputs.Any(i => i.Name == name)).ToList();
        if (unknown.Count > 0)
        {
            return new InputProblem(ComputeError.InputUnknownName,
                $"the model has no input named {Quoted(unknown)}; its inputs are {Quoted(Inputs.Select(i => i.Name))}");
        }

        var symbols = new Dictionary<string, (long Size, string Input, int Axis)>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            if (!byName.TryGetValue(input.Name, out var tensor))
                return new InputProblem(ComputeError.InputMissing, $"no tensor for the model input \"{input.Name}\" ({input.TypeText} {input.ShapeText})");
            var problem = Fit(input, tensor, symbols);
            if (problem is not null) return problem;
        }

        return null;
    }

    private static InputProblem? Fit(ModelTensor input, TensorData tensor, Dictionary<string, (long Size, string Input, int Axis)> symbols)
    {
        if ((int)tensor.Type != (int)input.ElementType)
        {
            return new InputProblem(ComputeError.InputWrongType,
                $"input \"{input.Name}\" is {OnnxDataTypes.Name((int)tensor.Type)}; the model wants {input.TypeText}");
        }

        if (input.Shape is not { } dims) return null;
        if (dims.Length != tensor.Shape.Length)
        {
            return new InputProblem(ComputeError.InputWrongRank,
                $"input \"{input.Name}\" has rank {tensor.Shape.Length} {tensor.ShapeText}; the model wants rank {dims.Length} {input.ShapeText}");
        }

        for (int axis = 0; axis < dims.Length; axis++)
        {
            long size = tensor.Shape[axis];
            if (dims[axis].Size is long want && want != size)
            {
                return new InputProblem(ComputeError.InputWrongDimension,
                    $"input \"{input.Name}\" has size {size} on axis {axis} {tensor.ShapeText}; the model wants {want} {input.ShapeText}");
            }

            if (dims[axis].Symbol is not string symbol) continue;
            if (!symbols.TryGetValue(symbol, out var bound))
            {
                symbols[symbol] = (size, input.Name, axis);
            }
            else if (bound.Size != size)
            {
                return new InputProblem(ComputeError.InputSymbolMismatch,
                    $"dimension \"{symbol}\" is {bound.Size} in input \"{bound.Input}\" (axis {bound.Axis}) but {size} in input \"{input.Name}\" (axis {axis})");
            }
        }

        return null;
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
