namespace Fairshare.Compute.Models.Inspection;

/// <summary>Why a set of input tensors does not fit a model's signature.</summary>
/// <param name="Error">The problem's code (5xx).</param>
/// <param name="Message">What is wrong, naming the tensor, and what the model wants instead.</param>
public sealed record InputProblem(ComputeError Error, string Message);
