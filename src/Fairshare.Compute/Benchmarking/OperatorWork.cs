namespace Fairshare.Compute.Benchmarking;

/// <summary>The work of one operator type across a model, for a quote's breakdown.</summary>
/// <param name="OpType">The operator, e.g. <c>Conv</c> (a com.microsoft operator is named <c>com.microsoft.Attention</c>).</param>
/// <param name="Nodes">How many nodes of the operator were counted (a loop body's nodes once).</param>
/// <param name="MultiplyAccumulates">Their multiply-accumulates.</param>
/// <param name="ElementOperations">Their element operations (see <see cref="WorkEstimate.ElementOperations"/>).</param>
public readonly record struct OperatorWork(string OpType, int Nodes, ulong MultiplyAccumulates, ulong ElementOperations)
{
    /// <summary>Multiply-accumulates plus element operations (saturating).</summary>
    public ulong Total => MultiplyAccumulates > ulong.MaxValue - ElementOperations ? ulong.MaxValue : MultiplyAccumulates + ElementOperations;
}
