namespace Fairshare.Compute.Models.Onnx;

/// <summary>
/// The order in which a graph's nodes can run. ONNX requires graphs to be stored in topological order, but ONNX
/// Runtime sorts them itself, so a model out of order is still valid; a cycle is not. A node depends on the nodes
/// producing its inputs and on those producing the names its subgraphs (<c>If</c> branches, <c>Loop</c> and
/// <c>Scan</c> bodies) take from the enclosing graph. Work is linear in the graph's size, whatever the graph.
/// </summary>
internal static class GraphOrder
{
    /// <summary>
    /// The nodes in an order where every node follows the nodes it depends on (a graph already in order keeps its
    /// order), and the nodes that can never run because they sit on a cycle or depend on one.
    /// </summary>
    public static (List<NodeProto> Order, List<NodeProto> Blocked) Sort(IReadOnlyList<NodeProto> nodes)
    {
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (string output in nodes[i].Output)
            {
                if (output.Length > 0) producer.TryAdd(output, i);
            }
        }

        var waiting = new int[nodes.Count];
        var dependents = new List<int>?[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (string name in Consumed(nodes[i]))
            {
                if (!producer.TryGetValue(name, out int from)) continue;
                waiting[i]++;
                (dependents[from] ??= []).Add(i);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (waiting[i] == 0) ready.Enqueue(i, i);
        }

        var order = new List<NodeProto>(nodes.Count);
        var done = new bool[nodes.Count];
        while (ready.TryDequeue(out int i, out _))
        {
            order.Add(nodes[i]);
            done[i] = true;
            foreach (int next in dependents[i] ?? [])
            {
                if (--waiting[next] == 0) ready.Enqueue(next, next);
            }
        }

        var blocked = new List<NodeProto>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!done[i]) blocked.Add(nodes[i]);
        }

        return (order, blocked);
    }

    /// <summary>The names a node reads: its inputs and the enclosing-scope names its subgraphs use.</summary>
    private static IEnumerable<string> Consumed(NodeProto node)
    {
        foreach (string input in node.Input)
        {
            if (input.Length > 0) yield return input;
        }

        foreach (var attribute in node.Attribute)
        {
            foreach (var graph in Subgraphs(attribute))
            {
                foreach (string name in FreeNames(graph)) yield return name;
            }
        }
    }

    /// <summary>The graphs an attribute holds (<c>g</c> and <c>graphs</c>).</summary>
    public static IEnumerable<GraphProto> Subgraphs(AttributeProto attribute)
    {
        if (attribute.G is not null) yield return attribute.G;
        foreach (var graph in attribute.Graphs) yield return graph;
    }

    /// <summary>The names a graph's nodes (and their subgraphs) read that the graph does not define itself.</summary>
    public static HashSet<string> FreeNames(GraphProto graph)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in graph.Input) defined.Add(input.Name);
        foreach (var initializer in graph.Initializer) defined.Add(initializer.Name);
        foreach (var sparse in graph.SparseInitializer)
        {
            if (sparse.Values is not null) defined.Add(sparse.Values.Name);
        }

        foreach (var node in graph.Node) defined.UnionWith(node.Output);
        var free = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (string name in Consumed(node))
            {
                if (!defined.Contains(name)) free.Add(name);
            }
        }

        return free;
    }
}
