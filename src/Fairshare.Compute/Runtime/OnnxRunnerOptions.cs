namespace Fairshare.Compute.Runtime;

/// <summary>
/// How an <see cref="OnnxJobRunner"/> runs: on which execution provider, and how many loaded models it keeps. What
/// replicas must share (optimisation level, threads, no arena) is fixed in <see cref="OnnxSessionFactory"/>, not here.
/// </summary>
/// <param name="Provider">The execution provider asked for; CUDA falls back to the CPU where it does not load.</param>
/// <param name="CacheCapacity">How many loaded models it keeps (least recently used evicted).</param>
public sealed record OnnxRunnerOptions(ExecutionProvider Provider, int CacheCapacity = OnnxJobRunner.DefaultCacheCapacity)
{
    /// <summary>The CPU, four models.</summary>
    public static OnnxRunnerOptions Default { get; } = new(ExecutionProvider.Cpu);
}
