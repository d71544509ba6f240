namespace Fairshare.Compute.Runtime;

/// <summary>
/// How an <see cref="OnnxJobRunner"/> runs: on which execution provider, and how many loaded models it keeps. What
/// replicas must share (optimisation level, threads) is fixed in <see cref="OnnxSessionFactory"/>, not here.
/// </summary>
/// <param name="Provider">The execution provider asked for; CUDA falls back to the CPU where it does not load.</param>
/// <param name="CacheCapacity">How many loaded models it keeps (least recently used evicted).</param>
/// <param name="CacheBytes">How many bytes of models the loaded sessions may hold together (a loaded session holds about
/// its model's weights, and its arena about the activations); the least recently used are evicted past it, the newest
/// always kept.</param>
public sealed record OnnxRunnerOptions(
    ExecutionProvider Provider, int CacheCapacity = OnnxJobRunner.DefaultCacheCapacity, long CacheBytes = OnnxJobRunner.DefaultCacheBytes)
{
    /// <summary>The CPU, four models, 1 GiB of them.</summary>
    public static OnnxRunnerOptions Default { get; } = new(ExecutionProvider.Cpu);
}
