namespace Fairshare.Compute.Models.Inspection;

/// <summary>An operator the model uses and how many nodes use it (in the main graph, its subgraphs and the model's functions).</summary>
/// <param name="Domain">The operator's domain; the default domain is named <c>ai.onnx</c>.</param>
/// <param name="OpType">The operator, e.g. <c>Conv</c>.</param>
/// <param name="Count">The number of nodes.</param>
public readonly record struct OperatorUse(string Domain, string OpType, int Count);
