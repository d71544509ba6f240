using System.Diagnostics;
using Fairshare.Compute.Runtime;
using Microsoft.Extensions.Logging;

namespace Fairshare.Compute.Sandbox;

/// <summary>
/// Runs jobs in this process: the blob-size limits are checked before anything is read, and the runner's watchdog
/// (<see cref="RunWatchdog"/>, ONNX Runtime's <c>RunOptions.Terminate</c>) stops a run past its time or memory limit.
/// There is no crash isolation: a model that crashes ONNX Runtime takes the process down. For the in-process demo,
/// benchmarks and tests, and inside the worker process of <see cref="ProcessSandbox"/>. Runners (and so loaded models)
/// are kept per job kind and execution provider, and the last few model files are kept in memory by path, so repeated
/// jobs of one model neither re-read nor reload it.
/// </summary>
public sealed class InProcessSandbox(ILogger? logger = null) : ISandbox
{
    private const int ModelCacheCapacity = 4;

    private readonly Dictionary<(ComputeJobKind, ExecutionProvider), IJobRunner> _runners = [];
    private readonly List<(string Path, long Length, DateTime Written, byte[] Bytes)> _models = [];

    /// <inheritdoc/>
    public string Name => "in-process";

    /// <inheritdoc/>
    public SandboxOutcome Run(SandboxJob job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        job.Limits.Validate();
        ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        byte[] model = [];
        if (job.Kind == ComputeJobKind.OnnxInference)
        {
            var read = ReadModel(job.ModelPath, job.Limits.MaxModelBytes);
            if (read.Error != ComputeError.None) return SandboxOutcome.Fail(read.Error, read.Message!);
            model = read.Value!;
        }

        var input = Read(job.InputPath, job.Limits.MaxInputBytes, ComputeError.InputTooLarge, "input");
        if (!input.IsOk) return SandboxOutcome.Fail(input.Error, input.Message!);

        var runner = Runner(job.Kind, job.Provider);
        JobRunResult result;
        try
        {
            result = runner.Run(model, input.Value, job.Limits);
        }
        catch (OutOfMemoryException)
        {
            // The managed heap's hard limit (a worker's DOTNET_GCHeapHardLimit) was reached while decoding or encoding.
            result = JobRunResult.Fail(ComputeError.MemoryLimitExceeded, "the job's tensors did not fit in the managed heap's limit", clock.Elapsed);
        }

        if (!result.IsOk) return new SandboxOutcome(result.Error, result.Message!, result.Elapsed, runner.Backend, 1);
        try
        {
            File.WriteAllBytes(job.OutputPath, result.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SandboxOutcome(ComputeError.BlobStoreFailed, $"cannot write the output to {job.OutputPath}: {e.Message}", result.Elapsed, runner.Backend, 1);
        }

        return new SandboxOutcome(ComputeError.None, null, result.Elapsed, runner.Backend, 1);
    }

    /// <summary>Releases every runner and the models it holds.</summary>
    public void Dispose()
    {
        foreach (var runner in _runners.Values) runner.Dispose();
        _runners.Clear();
        _models.Clear();
    }

    private ComputeResult<byte[]> ReadModel(string path, long maxBytes)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            file.Refresh();
            if (!file.Exists) return ComputeResult<byte[]>.Fail(ComputeError.BlobStoreFailed, $"the model file {path} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ComputeResult<byte[]>.Fail(ComputeError.BlobStoreFailed, $"cannot read the model file {path}: {e.Message}");
        }

        string full = file.FullName;
        var hit = _models.FindIndex(m => m.Path == full && m.Length == file.Length && m.Written == file.LastWriteTimeUtc);
        if (hit >= 0)
        {
            var cached = _models[hit];
            _models.RemoveAt(hit);
            _models.Add(cached);
            return ComputeResult<byte[]>.Ok(cached.Bytes);
        }

        var read = Read(path, maxBytes, ComputeError.ModelTooLarge, "model");
        if (!read.IsOk) return read;
        if (_models.Count == ModelCacheCapacity) _models.RemoveAt(0);
        _models.Add((full, file.Length, file.LastWriteTimeUtc, read.Value));
        return read;
    }

    /// <summary>Reads a blob file, refusing it before reading when it is over <paramref name="maxBytes"/>.</summary>
    private static ComputeResult<byte[]> Read(string path, long maxBytes, ComputeError tooLarge, string what)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > maxBytes)
                return ComputeResult<byte[]>.Fail(tooLarge, $"the {what} blob has {stream.Length:N0} bytes, over the limit of {maxBytes:N0}");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return ComputeResult<byte[]>.Ok(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ComputeResult<byte[]>.Fail(ComputeError.BlobStoreFailed, $"cannot read the {what} file {path}: {e.Message}");
        }
    }

    private IJobRunner Runner(ComputeJobKind kind, ExecutionProvider provider)
    {
        if (!_runners.TryGetValue((kind, provider), out var runner)) _runners[(kind, provider)] = runner = JobRunners.For(kind, provider, logger);
        return runner;
    }
}
