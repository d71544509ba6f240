using System.Collections.Immutable;

namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// How much work a job is. <see cref="MultiplyAccumulates"/> counts the dense arithmetic (matrix products,
/// convolutions, attention, recurrent cells); <see cref="ElementOperations"/> counts the rest by tensor size (one per
/// output element of element-wise and data-movement operators, one per input element of reductions, a small constant
/// per element for softmax and normalizations). The work units a job costs cover both, each element operation
/// weighing as much as one MAC. An estimate is <see cref="Complete"/> when every node's shape and operator were
/// known; otherwise it is a lower bound and <see cref="UnknownNodes"/> names the first nodes it could not count.
/// Equality compares the lists by reference.
/// </summary>
/// <param name="MultiplyAccumulates">The MACs counted (saturating at <see cref="ulong.MaxValue"/>).</param>
public readonly record struct WorkEstimate(ulong MultiplyAccumulates)
{
    private readonly ImmutableArray<string> _unknownNodes;
    private readonly ImmutableArray<OperatorWork> _byOperator;

    /// <summary>The element operations counted (saturating).</summary>
    public ulong ElementOperations { get; init; }

    /// <summary><see cref="MultiplyAccumulates"/> plus <see cref="ElementOperations"/> (saturating).</summary>
    public ulong Total => MultiplyAccumulates > ulong.MaxValue - ElementOperations ? ulong.MaxValue : MultiplyAccumulates + ElementOperations;

    /// <summary>The work units: <see cref="Total"/> / 10^6, rounded up.</summary>
    public ulong Units => WorkUnits.FromMacs(Total);

    /// <summary>How many nodes could not be counted (an operator the estimator does not know, or unknown shapes).</summary>
    public int UnknownNodeCount { get; init; }

    /// <summary>True when every node was counted.</summary>
    public bool Complete => UnknownNodeCount == 0;

    /// <summary>The first few nodes that could not be counted, e.g. <c>TopK node "topk_3"</c>.</summary>
    public ImmutableArray<string> UnknownNodes
    {
        get => _unknownNodes.IsDefault ? [] : _unknownNodes;
        init => _unknownNodes = value;
    }

    /// <summary>The work per operator type, largest first.</summary>
    public ImmutableArray<OperatorWork> ByOperator
    {
        get => _byOperator.IsDefault ? [] : _byOperator;
        init => _byOperator = value;
    }

    /// <summary>The bytes of the largest tensor a node produces (0 when unknown).</summary>
    public ulong LargestTensorBytes { get; init; }

    /// <summary>
    /// The bytes of every tensor the nodes produce, added up (saturating): an upper bound on the memory activations
    /// need, since the runtime reuses buffers; a loop body's tensors count once.
    /// </summary>
    public ulong ActivationBytes { get; init; }

    /// <summary>
    /// The work of this and <paramref name="other"/> together (a job's items run one after the other): counts add up
    /// (saturating), operators merge, and the largest tensor and the activations are the larger of the two, since
    /// items do not run at once.
    /// </summary>
    public WorkEstimate Plus(WorkEstimate other)
    {
        var operators = ByOperator.Concat(other.ByOperator)
            .GroupBy(o => o.OpType, StringComparer.Ordinal)
            .Select(g => new OperatorWork(g.Key, g.Sum(o => o.Nodes), g.Aggregate(0UL, (sum, o) => Add(sum, o.MultiplyAccumulates)),
                g.Aggregate(0UL, (sum, o) => Add(sum, o.ElementOperations))))
            .OrderByDescending(o => Add(o.MultiplyAccumulates, o.ElementOperations)).ThenBy(o => o.OpType, StringComparer.Ordinal)
            .ToImmutableArray();
        return new WorkEstimate(Add(MultiplyAccumulates, other.MultiplyAccumulates))
        {
            ElementOperations = Add(ElementOperations, other.ElementOperations),
            UnknownNodeCount = UnknownNodeCount + other.UnknownNodeCount,
            UnknownNodes = [.. UnknownNodes.Concat(other.UnknownNodes).Distinct(StringComparer.Ordinal).Take(8)],
            ByOperator = operators,
            LargestTensorBytes = Math.Max(LargestTensorBytes, other.LargestTensorBytes),
            ActivationBytes = Math.Max(ActivationBytes, other.ActivationBytes),
        };
    }

    private static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
