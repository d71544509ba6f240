using System.Collections.Immutable;
using Fairshare.Compute.Models.Inspection;
using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// Follows shapes, element types and small constant values through an ONNX graph in dependency order, from a job's
/// actual input tensors and the model's stored constants, and counts each node's work (see <see cref="WorkEstimate"/>
/// and <c>docs/compute.md</c> for what each operator costs). Subgraphs are followed: an <c>If</c> whose condition is
/// known counts its branch (otherwise the larger branch, and the estimate is incomplete), a <c>Loop</c> or <c>Scan</c>
/// counts its body times the trip count (a <c>Loop</c>'s M is an upper bound when its condition can stop it sooner, and
/// means nothing from 2^31 on; with no known count the body counts once and the estimate is incomplete), and a call of
/// a model-local function counts its body. Hostile graphs cost bounded work: every node is visited once per graph it
/// appears in (function bodies once per call, up to <see cref="MaxEvaluations"/> evaluations in all), values are
/// tracked only for small tensors, sizes saturate, and a cycle's nodes are simply never reached.
/// </summary>
internal sealed partial class OnnxWorkCounter
{
    private const int MaxListed = 8;
    private const int MaxCallDepth = 16;

    /// <summary>The most node evaluations one estimate makes: function calls re-evaluate bodies, and calls can nest.</summary>
    private const long MaxEvaluations = 1_000_000;

    /// <summary>A Loop's M from which, when the loop also has a condition, M is taken for "until the condition stops it".</summary>
    private const long WhileLoopBound = 1L << 31;

    private readonly Dictionary<(string Domain, string Name), FunctionProto> _functions = [];
    private readonly Dictionary<string, long> _opsets = new(StringComparer.Ordinal);
    private readonly List<string> _unknown = [];
    private int _unknownCount;
    private long _largest;
    private long _activations;
    private long _evaluations;

    private OnnxWorkCounter(ModelProto model)
    {
        foreach (var import in model.OpsetImport) _opsets[OnnxOperators.Canonical(import.Domain)] = import.Version;
        foreach (var function in model.Functions) _functions.TryAdd((OnnxOperators.Canonical(function.Domain), function.Name), function);
    }

    /// <summary>The estimate for <paramref name="model"/> (which has a graph) on <paramref name="inputs"/>.</summary>
    public static WorkEstimate Count(ModelProto model, IReadOnlyList<TensorData> inputs)
    {
        var counter = new OnnxWorkCounter(model);
        var scope = new Scope(null);
        foreach (var tensor in inputs) scope.Set(tensor.Name, TensorInfo.FromInput(tensor));
        var initializers = model.Graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var input in model.Graph.Input)
        {
            if (!scope.Has(input.Name) && !initializers.Contains(input.Name)) scope.Set(input.Name, Declared(input));
        }

        var tally = new Tally();
        counter.Graph(model.Graph, scope, tally, 0);
        return new WorkEstimate(Saturating.ToUInt64(tally.Macs))
        {
            ElementOperations = Saturating.ToUInt64(tally.Elements),
            UnknownNodeCount = counter._unknownCount,
            UnknownNodes = [.. counter._unknown],
            ByOperator = [.. tally.ByOperator
                .Select(o => new OperatorWork(o.Key, o.Value.Nodes, Saturating.ToUInt64(o.Value.Macs), Saturating.ToUInt64(o.Value.Elements)))
                .OrderByDescending(o => o.Total).ThenBy(o => o.OpType, StringComparer.Ordinal)],
            LargestTensorBytes = (ulong)counter._largest,
            ActivationBytes = (ulong)counter._activations,
        };
    }

    /// <summary>A graph input as the model declares it: its type and fixed dimensions (symbolic ones are unknown).</summary>
    private static TensorInfo Declared(ValueInfoProto value)
    {
        if (value.Type?.TensorType is not { } tensor) return TensorInfo.Unknown;
        long[]? shape = tensor.Shape?.Dim.Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue >= 0 ? d.DimValue : -1).ToArray();
        return TensorInfo.Of(tensor.ElemType, shape);
    }

    private TensorInfo[] Graph(GraphProto graph, Scope scope, Tally tally, int depth)
    {
        foreach (var initializer in graph.Initializer)
        {
            if (!scope.HasOwn(initializer.Name)) scope.Set(initializer.Name, TensorInfo.FromProto(initializer));
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            if (sparse.Values is not { } values || scope.HasOwn(values.Name)) continue;
            scope.Set(values.Name, TensorInfo.Of(values.DataType, sparse.Dims.All(d => d >= 0) ? [.. sparse.Dims] : null));
        }

        var (order, blocked) = GraphOrder.Sort(graph.Node);
        foreach (var node in blocked)
        {
            MarkUnknown(node);
            foreach (string output in node.Output) scope.Set(output, TensorInfo.Unknown);
        }

        foreach (var node in order) Node(node, scope, tally, depth);
        return [.. graph.Output.Select(o => scope.Get(o.Name) ?? TensorInfo.Unknown)];
    }

    private void Node(NodeProto node, Scope scope, Tally tally, int depth)
    {
        _evaluations++;
        var inputs = node.Input.Select(name => name.Length == 0 ? null : scope.Get(name) ?? TensorInfo.Unknown).ToArray();
        string domain = OnnxOperators.Canonical(node.Domain);
        var op = new Op(node, _opsets.GetValueOrDefault(domain), inputs);
        NodeWork work;
        if (_functions.TryGetValue((domain, node.OpType), out var function)) work = Call(op, function, tally, depth);
        else if (domain == OnnxOperators.DefaultDomain && node.OpType is "If" or "Loop" or "Scan") work = ControlFlow(op, scope, tally, depth);
        else if (domain == OnnxOperators.DefaultDomain) work = Default(op);
        else if (domain == OnnxOperators.MicrosoftDomain) work = Microsoft(op);
        else work = NodeWork.Unknown;

        if (!work.Known) MarkUnknown(node);
        tally.Add(domain == OnnxOperators.DefaultDomain ? node.OpType : $"{domain}.{node.OpType}", work.Macs, work.Elements);
        for (int i = 0; i < node.Output.Count; i++)
        {
            if (node.Output[i].Length == 0) continue;
            var info = i < work.Outputs.Length ? work.Outputs[i] : TensorInfo.Unknown;
            scope.Set(node.Output[i], info);
            if (info.Elements >= 0)
            {
                long bytes = Saturating.Multiply(info.Elements, Math.Max(OnnxDataTypes.Size(info.ElementType), 1));
                _largest = Math.Max(_largest, bytes);
                _activations = Saturating.Add(_activations, bytes);
            }
        }
    }

    private void MarkUnknown(NodeProto node)
    {
        _unknownCount++;
        if (_unknown.Count < MaxListed) _unknown.Add(ModelInspector.Describe(node));
    }

    /// <summary>If, Loop and Scan: their subgraphs, counted in place of the node itself.</summary>
    private NodeWork ControlFlow(Op op, Scope scope, Tally tally, int depth)
    {
        if (depth >= MaxCallDepth) return NodeWork.Unknown;
        switch (op.Node.OpType)
        {
            case "If":
            {
                if (op.Graph("then_branch") is not { } then || op.Graph("else_branch") is not { } otherwise) return NodeWork.Unknown;
                if (op.In(0)?.Scalar is double condition)
                    return new NodeWork(Graph(condition != 0 ? then : otherwise, new Scope(scope), tally, depth + 1), 0, 0, true);
                Tally a = new(), b = new();
                var thenOutputs = Graph(then, new Scope(scope), a, depth + 1);
                var elseOutputs = Graph(otherwise, new Scope(scope), b, depth + 1);
                tally.Merge(a.Total >= b.Total ? a : b, 1);
                var outputs = thenOutputs.Zip(elseOutputs, (x, y) => x.Shape is { } s && y.Shape is { } t && s.SequenceEqual(t) ? x with { Values = null } : TensorInfo.Unknown).ToArray();
                return new NodeWork(outputs, 0, 0, a.Total == b.Total);
            }

            case "Loop":
                return Loop(op, scope, tally, depth);
            default:
                return Scan(op, scope, tally, depth);
        }
    }

    private NodeWork Loop(Op op, Scope scope, Tally tally, int depth)
    {
        if (op.Graph("body") is not { } body || body.Input.Count < 2) return NodeWork.Unknown;
        long? trips = op.In(0)?.Scalar is double m && m >= 0 ? (long)Math.Min(m, long.MaxValue) : null;

        // A condition with a huge M is how exporters write a while loop: M says nothing about how often it runs.
        if (trips >= WhileLoopBound && op.In(1) is not null) trips = null;
        if (op.In(1)?.Scalar is double start && start == 0) trips = 0;

        var inner = new Scope(scope);
        inner.Set(body.Input[0].Name, TensorInfo.Of(OnnxDataTypes.Int64, []));
        inner.Set(body.Input[1].Name, TensorInfo.Of(OnnxDataTypes.Bool, []));
        int carried = Math.Max(0, op.Inputs.Length - 2);
        for (int i = 0; i < carried && i + 2 < body.Input.Count; i++) inner.Set(body.Input[i + 2].Name, (op.In(i + 2) ?? TensorInfo.Unknown) with { Values = null });

        var bodyTally = new Tally();
        var results = Graph(body, inner, bodyTally, depth + 1);
        tally.Merge(bodyTally, (UInt128)(trips ?? 1));
        var outputs = new TensorInfo[op.Node.Output.Count];
        for (int i = 0; i < outputs.Length; i++)
        {
            var result = i + 1 < results.Length ? results[i + 1] with { Values = null } : TensorInfo.Unknown;
            outputs[i] = i < carried ? result : Stacked(result, trips ?? -1, 0);
        }

        return new NodeWork(outputs, 0, 0, trips is not null);
    }

    private NodeWork Scan(Op op, Scope scope, Tally tally, int depth)
    {
        if (op.Opset < 9 || op.Graph("body") is not { } body) return NodeWork.Unknown;
        int scanInputs = (int)Math.Clamp(op.Int("num_scan_inputs", 0), 0, op.Inputs.Length);
        int states = op.Inputs.Length - scanInputs;
        long[] inputAxes = op.Ints("scan_input_axes") ?? new long[scanInputs];
        long[] outputAxes = op.Ints("scan_output_axes") ?? [];
        long trips = -1;
        var inner = new Scope(scope);
        for (int i = 0; i < op.Inputs.Length && i < body.Input.Count; i++)
        {
            var input = op.In(i) ?? TensorInfo.Unknown;
            if (i < states)
            {
                inner.Set(body.Input[i].Name, input with { Values = null });
                continue;
            }

            long axis = i - states < inputAxes.Length ? inputAxes[i - states] : 0;
            if (input.Shape is not { } shape || !TryAxis(axis, shape.Length, out int a))
            {
                inner.Set(body.Input[i].Name, TensorInfo.Unknown);
                continue;
            }

            if (i == states) trips = shape[a];
            inner.Set(body.Input[i].Name, TensorInfo.Of(input.ElementType, [.. shape[..a], .. shape[(a + 1)..]]));
        }

        var bodyTally = new Tally();
        var results = Graph(body, inner, bodyTally, depth + 1);
        tally.Merge(bodyTally, (UInt128)Math.Max(trips, 1));
        var outputs = new TensorInfo[op.Node.Output.Count];
        for (int i = 0; i < outputs.Length; i++)
        {
            var result = i < results.Length ? results[i] with { Values = null } : TensorInfo.Unknown;
            long axis = i - states >= 0 && i - states < outputAxes.Length ? outputAxes[i - states] : 0;
            outputs[i] = i < states ? result : Stacked(result, trips, axis);
        }

        return new NodeWork(outputs, 0, 0, trips >= 0);
    }

    /// <summary>A per-iteration result stacked along <paramref name="axis"/> over <paramref name="trips"/> iterations.</summary>
    private static TensorInfo Stacked(TensorInfo each, long trips, long axis)
    {
        if (each.Shape is not { } shape || !TryAxis(axis, shape.Length + 1, out int a)) return TensorInfo.Unknown;
        return TensorInfo.Of(each.ElementType, [.. shape[..a], trips, .. shape[a..]]);
    }

    /// <summary>A call of a model-local function: its body, with the call's inputs and attributes bound.</summary>
    private NodeWork Call(Op op, FunctionProto function, Tally tally, int depth)
    {
        if (depth >= MaxCallDepth || _evaluations > MaxEvaluations - function.Node.Count) return NodeWork.Unknown;
        var inner = new Scope(null);
        for (int i = 0; i < function.Input.Count; i++)
        {
            if (op.In(i) is { } input) inner.Set(function.Input[i], input);
        }

        foreach (var node in GraphOrder.Sort(function.Node).Order) Node(Bind(node, op.Node, function), inner, tally, depth + 1);
        return new NodeWork([.. function.Output.Select(name => inner.Get(name) ?? TensorInfo.Unknown)], 0, 0, true);
    }

    /// <summary>A function body's node with its attribute references replaced by the call's attributes or the function's defaults.</summary>
    private static NodeProto Bind(NodeProto node, NodeProto call, FunctionProto function)
    {
        if (node.Attribute.All(a => a.RefAttrName.Length == 0)) return node;
        var bound = node.Clone();
        bound.Attribute.Clear();
        foreach (var attribute in node.Attribute)
        {
            if (attribute.RefAttrName.Length == 0)
            {
                bound.Attribute.Add(attribute);
                continue;
            }

            var value = call.Attribute.FirstOrDefault(a => a.Name == attribute.RefAttrName)
                        ?? function.AttributeProto.FirstOrDefault(a => a.Name == attribute.RefAttrName);
            if (value is null) continue;
            var copy = value.Clone();
            copy.Name = attribute.Name;
            bound.Attribute.Add(copy);
        }

        return bound;
    }

    /// <summary>Normalises a possibly negative axis for a rank.</summary>
    private static bool TryAxis(long axis, int rank, out int normalized)
    {
        if (axis < 0) axis += rank;
        normalized = (int)Math.Clamp(axis, 0, Math.Max(rank - 1, 0));
        return axis >= 0 && axis < rank;
    }

    /// <summary>The values known in one graph and the graphs around it.</summary>
    private sealed class Scope(Scope? parent)
    {
        private readonly Dictionary<string, TensorInfo> _values = new(StringComparer.Ordinal);

        public TensorInfo? Get(string name)
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope._values.TryGetValue(name, out var info)) return info;
            }

            return null;
        }

        public bool Has(string name) => Get(name) is not null;

        public bool HasOwn(string name) => _values.ContainsKey(name);

        public void Set(string name, TensorInfo info) => _values[name] = info;

        private Scope? Parent => parent;
    }

    /// <summary>Work added up per operator type.</summary>
    private sealed class Tally
    {
        public Dictionary<string, (int Nodes, UInt128 Macs, UInt128 Elements)> ByOperator { get; } = new(StringComparer.Ordinal);

        public UInt128 Macs { get; private set; }

        public UInt128 Elements { get; private set; }

        public UInt128 Total => Saturating.Add(Macs, Elements);

        public void Add(string opType, UInt128 macs, UInt128 elements, int nodes = 1)
        {
            var (n, m, e) = ByOperator.GetValueOrDefault(opType);
            ByOperator[opType] = (n + nodes, Saturating.Add(m, macs), Saturating.Add(e, elements));
            Macs = Saturating.Add(Macs, macs);
            Elements = Saturating.Add(Elements, elements);
        }

        public void Merge(Tally other, UInt128 times)
        {
            foreach (var (opType, (nodes, macs, elements)) in other.ByOperator)
                Add(opType, Saturating.Multiply(macs, times), Saturating.Multiply(elements, times), nodes);
        }
    }

    /// <summary>A node being counted: its operator's opset version and what is known about its inputs (null: absent).</summary>
    private readonly record struct Op(NodeProto Node, long Opset, TensorInfo?[] Inputs)
    {
        public TensorInfo? In(int index) => index < Inputs.Length ? Inputs[index] : null;

        public AttributeProto? Attribute(string name) => Node.Attribute.FirstOrDefault(a => a.Name == name);

        public long Int(string name, long fallback) => Attribute(name) is { } a ? a.I : fallback;

        public long[]? Ints(string name) => Attribute(name) is { } a ? [.. a.Ints] : null;

        public float[]? Floats(string name) => Attribute(name) is { } a ? [.. a.Floats] : null;

        public string Text(string name, string fallback) => Attribute(name) is { } a ? a.S.ToStringUtf8() : fallback;

        public GraphProto? Graph(string name) => Attribute(name)?.G;
    }

    /// <summary>What counting one node found: its outputs, its work, and whether that work is known.</summary>
    private readonly record struct NodeWork(TensorInfo[] Outputs, UInt128 Macs, UInt128 Elements, bool Known)
    {
        public static NodeWork Unknown => new([], 0, 0, false);
    }
}
