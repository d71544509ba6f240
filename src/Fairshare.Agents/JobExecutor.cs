using System.Diagnostics;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Verification;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>
/// Runs a market job on this machine: fetches the model and input blobs by content address, runs them in the
/// Compute runtime for the job's kind (ONNX Runtime or the matmul kernel), and stores the output blob. It also
/// compares outputs within tolerance, which is how an arbiter votes in a dispute.
/// </summary>
public sealed class JobExecutor
{
    private readonly BlobStore _blobs;
    private readonly Dictionary<ComputeJobKind, IJobRunner> _runners = [];

    // Models are large and reused across jobs: keep the last few verified ones, so a job does not re-read and re-hash
    // its model from disk each time (the runtime then finds its loaded session by reference).
    private readonly List<(Hash32 Address, byte[] Bytes)> _models = [];
    private const int ModelCacheCapacity = 4;

    /// <summary>Creates an executor over a blob store.</summary>
    public JobExecutor(BlobStore blobs) => _blobs = blobs;

    /// <summary>The blob store jobs read from and write to.</summary>
    public BlobStore Blobs => _blobs;

    /// <summary>Runs a job spec; the output bytes (not yet stored), or an error naming the missing blob or the failure.</summary>
    public ExecutionOutcome Run(JobSpec spec)
    {
        var kind = spec.Kind == JobKind.Kernel ? ComputeJobKind.Kernel : ComputeJobKind.OnnxInference;
        byte[] model = [];
        if (kind == ComputeJobKind.OnnxInference && !TryGetModel(spec.Model, out model))
            return ExecutionOutcome.Failed($"model blob {spec.Model} is not in the blob store");
        if (!_blobs.TryGet(spec.Input, out var input))
            return ExecutionOutcome.Failed($"input blob {spec.Input} is not in the blob store");
        var runner = Runner(kind);
        var watch = Stopwatch.StartNew();
        var result = runner.Run(model, input);
        watch.Stop();
        return result.Output is { } output
            ? new ExecutionOutcome(output, watch.Elapsed, null)
            : ExecutionOutcome.Failed(result.Message ?? result.Error.ToString());
    }

    /// <summary>Stores an output blob and returns its content address.</summary>
    public Hash32 Store(byte[] output) => _blobs.Put(output);

    /// <summary>Whether the blob at <paramref name="theirs"/> matches <paramref name="mine"/> within the default tolerance
    /// (false when it is missing or malformed: what cannot be checked does not get an agreeing vote).</summary>
    public bool Agrees(byte[] mine, Hash32 theirs)
    {
        if (!_blobs.TryGet(theirs, out var other)) return false;
        return OutputComparator.Compare(mine, other, Tolerances.Default).Agrees;
    }

    /// <summary>A plausible but wrong output: every float tensor's elements in reverse order (what a cheater returns).</summary>
    public static byte[] Corrupt(byte[] output)
    {
        var decoded = TensorBlob.Decode(output);
        if (!decoded.IsOk) return [.. output.Reverse()];
        var tensors = decoded.Value!.Tensors.Select(t =>
        {
            if (t.Type != TensorElementType.Float32) return t;
            var values = t.AsFloat32().ToArray();
            Array.Reverse(values);
            return TensorData.Float32(t.Name, t.Shape, values);
        }).ToList();
        return TensorBlob.Encode(tensors);
    }

    private bool TryGetModel(Hash32 address, out byte[] model)
    {
        int index = _models.FindIndex(m => m.Address == address);
        if (index >= 0)
        {
            model = _models[index].Bytes;
            return true;
        }

        if (!_blobs.TryGet(address, out model)) return false;
        if (_models.Count == ModelCacheCapacity) _models.RemoveAt(0);
        _models.Add((address, model));
        return true;
    }

    private IJobRunner Runner(ComputeJobKind kind)
    {
        if (!_runners.TryGetValue(kind, out var runner)) _runners[kind] = runner = JobRunners.For(kind);
        return runner;
    }
}
