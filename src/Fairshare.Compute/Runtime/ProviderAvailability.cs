namespace Fairshare.Compute.Runtime;

/// <summary>Whether one execution provider works on this machine, found by loading and running a tiny model on it.</summary>
/// <param name="Provider">The provider tried (for CUDA, on the device tried).</param>
/// <param name="InBuild">Whether the linked ONNX Runtime lists it (<c>OrtEnv.GetAvailableProviders</c>): the build has it, which says nothing about whether it loads.</param>
/// <param name="Loads">Whether a session with it appended was created and ran.</param>
/// <param name="Reason">Why it does not load (ONNX Runtime's message, e.g. a missing <c>libcudnn.so.9</c>); null when it loads.</param>
/// <param name="Device">The device it ran on when it loads, e.g. <c>CUDA device 0: NVIDIA H200</c>; null otherwise.</param>
public sealed record ProviderAvailability(ExecutionProvider Provider, bool InBuild, bool Loads, string? Reason, string? Device);
