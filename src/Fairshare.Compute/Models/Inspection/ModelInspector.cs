using System.Collections.Immutable;
using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Fairshare.Compute.Models.Inspection;

/// <summary>
/// Checks a stranger's ONNX model before any money moves: clients run it before uploading a model or locking escrow,
/// providers again before running it. <see cref="Inspect"/> reads the model without loading it and refuses, each with
/// its own <see cref="ComputeError"/>: bytes that are no model, external data anywhere, operators from domains the
/// providers' runtime has no kernels for or that ONNX does not define, unsupported opset or IR versions, cycles, and
/// inputs or outputs a job cannot carry. <see cref="LoadCheck"/> then has ONNX Runtime load it, the final word.
/// Subgraphs (<c>If</c>, <c>Loop</c>, <c>Scan</c>) and model-local functions are checked like the main graph.
/// </summary>
public static class ModelInspector
{
    /// <summary>Reads and checks <paramref name="model"/> (ONNX bytes); never throws on malformed or hostile bytes.</summary>
    public static ComputeResult<ModelSignature> Inspect(ReadOnlySpan<byte> model)
    {
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException e)
        {
            return Fail(ComputeError.ModelUnparseable, $"the bytes are not an ONNX model ({e.Message}): send the .onnx file itself");
        }

        if (proto.Graph is null) return Fail(ComputeError.ModelUnparseable, "the model has no graph: send the .onnx file of a model, not of something else");
        if (proto.IrVersion > RuntimeSupport.MaxIrVersion)
        {
            return Fail(ComputeError.ModelUnsupportedIrVersion,
                $"the model has IR version {proto.IrVersion}; {RuntimeSupport.Runtime} reads up to {RuntimeSupport.MaxIrVersion}: save it with an older onnx package");
        }

        var opsets = proto.OpsetImport.Select(o => new OpsetImport(OnnxOperators.Canonical(o.Domain), o.Version)).ToImmutableArray();
        string? problem = OpsetProblem(opsets, "the model");
        foreach (var function in proto.Functions)
        {
            problem ??= OpsetProblem(function.OpsetImport.Select(o => new OpsetImport(OnnxOperators.Canonical(o.Domain), o.Version)), $"function \"{function.Name}\"");
        }

        if (problem is not null) return Fail(ComputeError.ModelUnsupportedOpset, problem);
        if (ExternalData(proto) is string external)
        {
            return Fail(ComputeError.ModelExternalData,
                $"{external} keeps its data in an external file: providers never read files a model names, so save the model with its data inside (onnx.save_model(model, path, save_as_external_data=False))");
        }

        var walk = new Walk(proto.Functions.Select(f => (OnnxOperators.Canonical(f.Domain), f.Name)).ToHashSet());
        walk.Graph(proto.Graph, "the main graph", counted: true);
        foreach (var function in proto.Functions) walk.Nodes(function.Node, $"function \"{function.Name}\"", counted: false);
        if (walk.Problem is { } found) return Fail(found.Error, found.Message);

        var initializers = proto.Graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = ImmutableArray.CreateBuilder<ModelTensor>();
        foreach (var input in proto.Graph.Input.Where(i => !initializers.Contains(i.Name)))
        {
            var tensor = Tensor(input, "input");
            if (!tensor.IsOk) return tensor.As<ModelSignature>();
            inputs.Add(tensor.Value);
        }

        var outputs = ImmutableArray.CreateBuilder<ModelTensor>();
        foreach (var output in proto.Graph.Output)
        {
            var tensor = Tensor(output, "output");
            if (!tensor.IsOk) return tensor.As<ModelSignature>();
            outputs.Add(tensor.Value);
        }

        if (inputs.Count == 0) return Fail(ComputeError.ModelNoInputs, "the model has no inputs (other than its weights): a job has nothing to feed it");
        if (outputs.Count == 0) return Fail(ComputeError.ModelNoOutputs, "the model has no outputs: a job would return nothing");

        var operators = walk.Operators
            .OrderBy(o => o.Key.Domain, StringComparer.Ordinal).ThenBy(o => o.Key.OpType, StringComparer.Ordinal)
            .Select(o => new OperatorUse(o.Key.Domain, o.Key.OpType, o.Value))
            .ToImmutableArray();
        return ComputeResult<ModelSignature>.Ok(new ModelSignature(
            proto.IrVersion, opsets, operators, inputs.ToImmutable(), outputs.ToImmutable(), walk.InitializerBytes, walk.ConstantBytes, walk.NodeCount));
    }

    /// <summary>
    /// <see cref="Inspect"/>, then has ONNX Runtime's CPU provider load the model (one thread, as the job runner does):
    /// a model the runtime has no kernel for comes back as <see cref="ComputeError.ModelUnsupportedOperator"/>, any other
    /// load failure as <see cref="ComputeError.ModelInvalid"/>. The runtime sees only models that passed inspection, so
    /// never one with external data.
    /// </summary>
    public static ComputeResult<ModelSignature> LoadCheck(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var signature = Inspect(model);
        if (!signature.IsOk) return signature;
        try
        {
            using var options = new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
            };
            using var session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException e) when (e.Message.Contains("Could not find an implementation", StringComparison.Ordinal)
                                             || e.Message.Contains("not registered", StringComparison.Ordinal)
                                             || e.Message.Contains("not a registered", StringComparison.Ordinal))
        {
            return Fail(ComputeError.ModelUnsupportedOperator, $"{RuntimeSupport.Runtime} has no kernel for an operator of the model: {e.Message}");
        }
        catch (OnnxRuntimeException e)
        {
            return Fail(ComputeError.ModelInvalid, $"{RuntimeSupport.Runtime} cannot load the model: {e.Message}");
        }

        return signature;
    }

    private static string? OpsetProblem(IEnumerable<OpsetImport> imports, string owner)
    {
        foreach (var import in imports)
        {
            if (RuntimeSupport.Opsets(import.Domain) is not { } range || (import.Version >= range.Min && import.Version <= range.Max)) continue;
            return $"{owner} imports {import.Domain} opset {import.Version}; {RuntimeSupport.Runtime} supports {import.Domain} opsets {range.Min} to {range.Max}: export the model at an opset in that range";
        }

        return null;
    }

    /// <summary>Where the first tensor with external data is, or null: every tensor of every graph, function and training graph.</summary>
    private static string? ExternalData(ModelProto model)
    {
        string? found = ExternalData(model.Graph, "the main graph");
        foreach (var function in model.Functions)
        {
            foreach (var attribute in function.AttributeProto) found ??= ExternalData(attribute, $"the default of attribute \"{attribute.Name}\" of function \"{function.Name}\"");
            foreach (var node in function.Node) found ??= ExternalData(node, $"function \"{function.Name}\"");
        }

        foreach (var training in model.TrainingInfo)
        {
            found ??= ExternalData(training.Initialization, "the training initialization graph");
            found ??= ExternalData(training.Algorithm, "the training algorithm graph");
        }

        return found;
    }

    private static string? ExternalData(GraphProto? graph, string where)
    {
        if (graph is null) return null;
        foreach (var initializer in graph.Initializer)
        {
            if (IsExternal(initializer)) return $"initializer \"{initializer.Name}\" of {where}";
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            if (IsExternal(sparse)) return $"sparse initializer \"{sparse.Values?.Name}\" of {where}";
        }

        foreach (var node in graph.Node)
        {
            if (ExternalData(node, where) is string found) return found;
        }

        return null;
    }

    private static string? ExternalData(NodeProto node, string where)
    {
        foreach (var attribute in node.Attribute)
        {
            if (ExternalData(attribute, $"attribute \"{attribute.Name}\" of {Describe(node)} in {where}") is string found) return found;
        }

        return null;
    }

    private static string? ExternalData(AttributeProto attribute, string where)
    {
        if (IsExternal(attribute.T) || attribute.Tensors.Any(IsExternal) || IsExternal(attribute.SparseTensor) || attribute.SparseTensors.Any(IsExternal))
            return $"the tensor in {where}";
        string? found = null;
        foreach (var graph in GraphOrder.Subgraphs(attribute)) found ??= ExternalData(graph, $"the subgraph \"{graph.Name}\" of {where}");
        return found;
    }

    private static bool IsExternal(TensorProto? tensor) =>
        tensor is not null && (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0);

    private static bool IsExternal(SparseTensorProto? tensor) => tensor is not null && (IsExternal(tensor.Values) || IsExternal(tensor.Indices));

    private static ComputeResult<ModelTensor> Tensor(ValueInfoProto value, string role)
    {
        var type = value.Type;
        string? kind = type?.ValueCase switch
        {
            TypeProto.ValueOneofCase.TensorType => null,
            TypeProto.ValueOneofCase.SequenceType => "a sequence",
            TypeProto.ValueOneofCase.MapType => "a map",
            TypeProto.ValueOneofCase.OptionalType => "an optional value",
            TypeProto.ValueOneofCase.SparseTensorType => "a sparse tensor",
            TypeProto.ValueOneofCase.OpaqueType => "an opaque value",
            _ => "of no declared type",
        };
        if (kind is null && !OnnxDataTypes.IsSupported(type!.TensorType.ElemType)) kind = $"a {OnnxDataTypes.Name(type.TensorType.ElemType)} tensor";
        if (kind is not null)
        {
            return ComputeResult<ModelTensor>.Fail(ComputeError.ModelUnsupportedType,
                $"{role} \"{value.Name}\" is {kind}; jobs carry tensors of float16/32/64, int8/16/32/64, uint8/16/32/64 or bool only");
        }

        var tensorType = type!.TensorType;
        ImmutableArray<ModelDimension>? shape = tensorType.Shape is null
            ? null
            : tensorType.Shape.Dim.Select(d => d.ValueCase switch
            {
                TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue when d.DimValue >= 0 => ModelDimension.Fixed(d.DimValue),
                TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam when d.DimParam.Length > 0 => ModelDimension.Symbolic(d.DimParam),
                _ => ModelDimension.Unknown,
            }).ToImmutableArray();
        return ComputeResult<ModelTensor>.Ok(new ModelTensor(value.Name, (TensorElementType)tensorType.ElemType, shape));
    }

    /// <summary>How messages name a node: its operator and its name, or its first output when it has no name.</summary>
    internal static string Describe(NodeProto node) =>
        $"{node.OpType} node \"{(node.Name.Length > 0 ? node.Name : node.Output.FirstOrDefault() ?? "")}\"";

    private static ComputeResult<ModelSignature> Fail(ComputeError error, string message) => ComputeResult<ModelSignature>.Fail(error, message);

    /// <summary>Walks graphs and function bodies: counts operators, nodes and stored bytes, and finds the first operator or cycle problem.</summary>
    private sealed class Walk(HashSet<(string Domain, string Name)> functions)
    {
        public Dictionary<(string Domain, string OpType), int> Operators { get; } = [];

        public (ComputeError Error, string Message)? Problem { get; private set; }

        public int NodeCount { get; private set; }

        public long InitializerBytes { get; private set; }

        public long ConstantBytes { get; private set; }

        public void Graph(GraphProto graph, string where, bool counted)
        {
            foreach (var initializer in graph.Initializer) InitializerBytes = Add(InitializerBytes, Bytes(initializer));
            foreach (var sparse in graph.SparseInitializer) InitializerBytes = Add(InitializerBytes, Add(Bytes(sparse.Values), Bytes(sparse.Indices)));
            Nodes(graph.Node, where, counted);
        }

        public void Nodes(IReadOnlyList<NodeProto> nodes, string where, bool counted)
        {
            var (_, blocked) = GraphOrder.Sort(nodes);
            if (blocked.Count > 0)
            {
                Problem ??= (ComputeError.ModelCyclic,
                    $"{where} has a cycle: {string.Join(", ", blocked.Take(4).Select(Describe))}{(blocked.Count > 4 ? ", …" : "")} depend on each other's outputs, so they can never run");
            }

            foreach (var node in nodes)
            {
                Node(node, where, counted);
                foreach (var attribute in node.Attribute)
                {
                    foreach (var graph in GraphOrder.Subgraphs(attribute)) Graph(graph, $"the subgraph \"{graph.Name}\" of {Describe(node)} in {where}", counted);
                }
            }
        }

        private void Node(NodeProto node, string where, bool counted)
        {
            string domain = OnnxOperators.Canonical(node.Domain);
            var key = (domain, node.OpType);
            Operators[key] = Operators.GetValueOrDefault(key) + 1;
            if (counted) NodeCount++;
            if (node.OpType == "Constant" && node.Attribute.FirstOrDefault(a => a.Name == "value")?.T is { } value) ConstantBytes = Add(ConstantBytes, Bytes(value));
            if (functions.Contains(key)) return;
            if (RuntimeSupport.Opsets(domain) is null)
            {
                Problem ??= (ComputeError.ModelUnsupportedOperator,
                    $"{Describe(node)} in {where} is operator \"{node.OpType}\" of domain \"{domain}\": providers run only the ai.onnx, ai.onnx.ml and com.microsoft operators built into {RuntimeSupport.Runtime} and load no custom operator libraries; replace it with standard operators");
            }
            else if ((domain == OnnxOperators.DefaultDomain && !OnnxOperators.Default.Contains(node.OpType))
                     || (domain == OnnxOperators.MlDomain && !OnnxOperators.Ml.Contains(node.OpType)))
            {
                Problem ??= (ComputeError.ModelUnknownOperator,
                    $"{Describe(node)} in {where} is \"{node.OpType}\", which is not an operator of the {domain} domain: check the operator's spelling and domain");
            }
        }

        private static long Bytes(TensorProto? tensor)
        {
            if (tensor is null) return 0;
            if (tensor.DataType == OnnxDataTypes.String) return tensor.StringData.Aggregate(0L, (sum, s) => Add(sum, s.Length));
            long bytes = OnnxDataTypes.Size(tensor.DataType);
            foreach (long dim in tensor.Dims)
            {
                if (dim <= 0) return 0;
                bytes = bytes > long.MaxValue / dim ? long.MaxValue : bytes * dim;
            }

            return bytes;
        }

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }
}
