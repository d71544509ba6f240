using System.Runtime.InteropServices;
using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;
using Google.Protobuf;

namespace Fairshare.Compute.Models;

/// <summary>
/// Assembles an ONNX graph node by node (float32 initializers in <c>raw_data</c>; graph inputs and outputs of any
/// <see cref="TensorElementType"/>) and serialises it as a model with <see cref="OnnxModelBuilder.IrVersion"/> and the
/// default domain at <see cref="OnnxModelBuilder.Opset"/>.
/// </summary>
internal sealed class OnnxGraphBuilder(string graphName)
{
    private readonly GraphProto _graph = new() { Name = graphName };
    private int _nodes;

    /// <summary>Adds a float32 constant and returns its name.</summary>
    public string Initializer(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())),
        };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a node of <paramref name="opType"/> and returns the name of its (single) output.</summary>
    public string Node(string opType, string[] inputs, params AttributeProto[] attributes)
    {
        string output = $"{opType.ToLowerInvariant()}_{_nodes}";
        return Node(opType, inputs, output, attributes);
    }

    /// <summary>Adds a node of <paramref name="opType"/> writing to the named output, and returns that name.</summary>
    public string Node(string opType, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_nodes++}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return output;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>An integer-list attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>Declares a graph input. A null dimension is the symbolic <c>batch</c> dimension.</summary>
    public void Input(string name, TensorElementType type, long?[] shape) => _graph.Input.Add(ValueInfo(name, type, shape));

    /// <summary>Declares a graph output. A null dimension is the symbolic <c>batch</c> dimension.</summary>
    public void Output(string name, TensorElementType type, long?[] shape) => _graph.Output.Add(ValueInfo(name, type, shape));

    /// <summary>The serialised model with one float32 graph input and output (see <see cref="Input"/>).</summary>
    public byte[] Build(string input, long?[] inputShape, string output, long?[] outputShape)
    {
        Input(input, TensorElementType.Float32, inputShape);
        Output(output, TensorElementType.Float32, outputShape);
        return Build();
    }

    /// <summary>The serialised model with the inputs and outputs declared so far.</summary>
    public byte[] Build()
    {
        var model = new ModelProto
        {
            IrVersion = OnnxModelBuilder.IrVersion,
            ProducerName = "Fairshare.Compute",
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxModelBuilder.Opset });
        return model.ToByteArray();
    }

    private static ValueInfoProto ValueInfo(string name, TensorElementType type, long?[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (long? dim in shape)
        {
            tensorShape.Dim.Add(dim is long value
                ? new TensorShapeProto.Types.Dimension { DimValue = value }
                : new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape },
            },
        };
    }
}
