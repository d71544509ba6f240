using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Fairshare.Compute.Models.Inspection;
using Fairshare.Compute.Sandbox;
using Fairshare.Compute.Tensors;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using OrtElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// Runs ONNX inference jobs on ONNX Runtime, on the execution provider of its <see cref="OnnxRunnerOptions"/> (CUDA
/// falling back to the CPU where it does not load), with the settings every replica shares
/// (<see cref="OnnxSessionFactory"/>: a fixed optimisation level, one intra-op and one inter-op thread, no memory
/// arena). Given <see cref="JobLimits"/>, a <see cref="RunWatchdog"/> sets ONNX Runtime's <c>RunOptions.Terminate</c>
/// when the run passes its time or memory limit, and the run ends with <see cref="ComputeError.RunTimeExceeded"/> or
/// <see cref="ComputeError.MemoryLimitExceeded"/> (as does an allocation ONNX Runtime refuses); the limits hold for the
/// whole job, model loading and every item included, and a run that completes is kept. The input blob is a
/// <see cref="JobTensors"/> (version 1 or 2); the model runs once per item, in item order, and each item's tensors
/// must match the model's inputs by name, element type (any <see cref="TensorElementType"/>), rank and fixed
/// dimensions. The output blob has the input's layout and item names, each item holding every model output in the
/// model's output order, so a version 1 input gives a version 1 output. Loaded sessions are cached by model (a hit is
/// found by comparing the bytes, which is cheaper than hashing them), least recently used evicted.
/// </summary>
public sealed class OnnxJobRunner : IJobRunner
{
    /// <summary>How many loaded models the default runner keeps.</summary>
    public const int DefaultCacheCapacity = 4;

    /// <summary>How many bytes of models the default runner keeps loaded: 1 GiB.</summary>
    public const long DefaultCacheBytes = 1L << 30;

    private readonly List<CachedSession> _sessions = [];
    private readonly int _capacity;
    private readonly long _cacheBytes;
    private readonly OnnxSessionFactory _factory;
    private long _uses;

    /// <summary>A CPU runner keeping up to <paramref name="cacheCapacity"/> loaded models.</summary>
    public OnnxJobRunner(int cacheCapacity = DefaultCacheCapacity)
        : this(OnnxRunnerOptions.Default with { CacheCapacity = cacheCapacity })
    {
    }

    /// <summary>A runner with <paramref name="options"/>; a CUDA fallback is logged to <paramref name="logger"/>.</summary>
    public OnnxJobRunner(OnnxRunnerOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CacheCapacity, 1);
        _capacity = options.CacheCapacity;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CacheBytes, 1);
        _cacheBytes = options.CacheBytes;
        _factory = new OnnxSessionFactory(options.Provider, logger);
    }

    /// <inheritdoc/>
    public ComputeJobKind Kind => ComputeJobKind.OnnxInference;

    /// <inheritdoc/>
    public string Backend => _factory.Backend;

    /// <summary>Where sessions are made: the provider asked for, the one used, and why they differ.</summary>
    public OnnxSessionFactory Sessions => _factory;

    /// <summary>The number of models loaded now.</summary>
    public int CachedSessions => _sessions.Count;

    /// <inheritdoc/>
    public JobRunResult Run(byte[] model, byte[] input) => Run(model, input, watchdog: null);

    /// <inheritdoc/>
    public JobRunResult Run(byte[] model, byte[] input, JobLimits limits)
    {
        using var watchdog = RunWatchdog.Start(limits);
        return Run(model, input, watchdog);
    }

    private JobRunResult Run(byte[] model, byte[] input, RunWatchdog? watchdog)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        var clock = Stopwatch.StartNew();
        // The input's tensors stay where they are: the blob is pinned and each tensor bound as a view of its bytes.
        var decoded = JobTensors.DecodeSlices(input);
        if (!decoded.IsOk) return JobRunResult.Fail(decoded.Error, decoded.Message!, clock.Elapsed);
        if (decoded.Value.Fault != ComputeError.None)
            return JobRunResult.Fail(ComputeError.InputMismatch, $"the input blob records a fault ({decoded.Value.Fault}) instead of tensors", clock.Elapsed);
        var session = Session(model);
        if (!session.IsOk) return JobRunResult.Fail(session.Error, session.Message!, clock.Elapsed);

        var outputs = ImmutableArray.CreateBuilder<JobItem>(decoded.Value.Items.Length);
        var pinned = GCHandle.Alloc(input, GCHandleType.Pinned);
        try
        {
            foreach (var item in decoded.Value.Items)
            {
                if (watchdog is { Tripped: not ComputeError.None }) return JobRunResult.Fail(watchdog.Tripped, watchdog.Describe(), clock.Elapsed);
                var result = RunItem(session.Value, item, pinned.AddrOfPinnedObject(), watchdog);
                if (!result.IsOk)
                {
                    string message = item.Name.Length == 0 ? result.Message! : $"item \"{item.Name}\": {result.Message}";
                    return JobRunResult.Fail(result.Error, message, clock.Elapsed);
                }

                outputs.Add(new JobItem(item.Name, [.. result.Value]));
            }
        }
        finally
        {
            pinned.Free();
        }

        var output = new JobTensors(decoded.Value.Layout, outputs.MoveToImmutable(), ComputeError.None);
        return JobRunResult.Ok(output.Encode(), clock.Elapsed);
    }

    /// <summary>Releases every cached session.</summary>
    public void Dispose()
    {
        foreach (var cached in _sessions) cached.Session.Dispose();
        _sessions.Clear();
    }

    private ComputeResult<InferenceSession> Session(byte[] model)
    {
        // The same array as last time (a caller that keeps its models in memory) is a hit without reading 50 MB.
        var cached = _sessions.Find(c => ReferenceEquals(c.Caller, model)) ?? _sessions.Find(c => c.Model.AsSpan().SequenceEqual(model));
        if (cached is not null)
        {
            cached.LastUse = ++_uses;
            cached.Caller = model;
            return ComputeResult<InferenceSession>.Ok(cached.Session);
        }

        // A stranger's model is checked again here, whatever the client checked: no external data (a provider never
        // reads its own files for a job), no custom operator domains, supported opsets and types.
        var inspected = ModelInspector.Inspect(model);
        if (!inspected.IsOk) return ComputeResult<InferenceSession>.Fail(inspected.Error, inspected.Message!);
        var created = _factory.Create(model);
        if (!created.IsOk) return created;
        var session = created.Value;

        // Bounded by count and by the bytes of the models loaded: the least recently used go first.
        while (_sessions.Count > 0 && (_sessions.Count >= _capacity || _sessions.Sum(c => (long)c.Model.Length) + model.Length > _cacheBytes))
        {
            var oldest = _sessions.MinBy(c => c.LastUse)!;
            oldest.Session.Dispose();
            _sessions.Remove(oldest);
        }

        _sessions.Add(new CachedSession((byte[])model.Clone(), session) { LastUse = ++_uses, Caller = model });
        return ComputeResult<InferenceSession>.Ok(session);
    }

    /// <summary>Runs the model once on one item: binds its tensors, executes, and reads back every output.</summary>
    private static ComputeResult<List<TensorData>> RunItem(InferenceSession session, JobItemSlices item, IntPtr blob, RunWatchdog? watchdog)
    {
        var inputs = Bind(session, item, blob);
        if (!inputs.IsOk) return inputs.As<List<TensorData>>();
        try
        {
            return Execute(session, inputs.Value, watchdog);
        }
        finally
        {
            foreach (var value in inputs.Value.Values) value.Dispose();
        }
    }

    /// <summary>
    /// Checks the tensors against the model's inputs and wraps each as an <see cref="OrtValue"/> over its bytes in the
    /// pinned input blob at <paramref name="blob"/> (no copy: the blob's little-endian layout is ONNX Runtime's for every
    /// element type, float16 and bool included).
    /// </summary>
    private static ComputeResult<Dictionary<string, OrtValue>> Bind(InferenceSession session, JobItemSlices item, IntPtr blob)
    {
        var extra = item.Tensors.Select(t => t.Name).Where(name => !session.InputMetadata.ContainsKey(name)).ToList();
        if (extra.Count > 0) return Mismatch($"the model has no input named {string.Join(", ", extra.Select(n => $"\"{n}\""))}");

        var values = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        foreach (var (name, metadata) in session.InputMetadata)
        {
            TensorSlice? tensor = item.Tensors.FirstOrDefault(t => t.Name == name) is { Name: not null } found ? found : null;
            string? problem = tensor is null ? $"the input blob has no tensor \"{name}\"" : Misfit(tensor.Value, metadata);
            if (problem is not null)
            {
                foreach (var value in values.Values) value.Dispose();
                return Mismatch(problem);
            }

            var slice = tensor!.Value;
            values[name] = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, OrtTensors.ToOrt(slice.Type), slice.Shape, blob + slice.Offset, slice.Length);
        }

        return ComputeResult<Dictionary<string, OrtValue>>.Ok(values);
    }

    private static string? Misfit(TensorSlice tensor, NodeMetadata metadata)
    {
        var expected = metadata.IsTensor ? OrtTensors.FromOrt(metadata.ElementDataType) : null;
        if (expected != tensor.Type)
            return $"input \"{tensor.Name}\" is {tensor.Type}; the model wants {(metadata.IsTensor ? metadata.ElementDataType : metadata.OnnxValueType)}";
        int[] dims = metadata.Dimensions;
        bool fits = dims.Length == tensor.Shape.Length && dims.Select((d, i) => d < 0 || d == tensor.Shape[i]).All(ok => ok);
        string shape = "[" + string.Join(", ", tensor.Shape) + "]";
        return fits ? null : $"input \"{tensor.Name}\" has shape {shape}; the model wants [{string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString()))}]";
    }

    private static ComputeResult<List<TensorData>> Execute(InferenceSession session, Dictionary<string, OrtValue> inputs, RunWatchdog? watchdog)
    {
        IDisposableReadOnlyCollection<OrtValue> results;
        using var runOptions = new RunOptions();
        try
        {
            // ONNX Runtime checks the flag between operators, inside Loop and Scan bodies too.
            using var stop = watchdog?.Token.Register(() => runOptions.Terminate = true);
            results = session.Run(runOptions, inputs.Keys.ToList(), inputs.Values.ToList(), session.OutputNames);
        }
        catch (OnnxRuntimeException e)
        {
            if (watchdog is { Tripped: not ComputeError.None }) return ComputeResult<List<TensorData>>.Fail(watchdog.Tripped, watchdog.Describe());
            if (IsAllocationFailure(e.Message))
                return ComputeResult<List<TensorData>>.Fail(ComputeError.MemoryLimitExceeded, $"ONNX Runtime could not allocate what the model asked for: {OnnxSessionFactory.FirstLine(e.Message)}");
            return ComputeResult<List<TensorData>>.Fail(ComputeError.RunFailed, $"ONNX Runtime failed: {OnnxSessionFactory.FirstLine(e.Message)}");
        }

        using (results)
        {
            var outputs = new List<TensorData>(results.Count);
            for (int i = 0; i < results.Count; i++)
            {
                string name = session.OutputNames[i];
                var value = results[i];
                var info = value.IsTensor ? value.GetTensorTypeAndShape() : (OrtTensorTypeAndShapeInfo?)null;
                if (info is not { } tensorInfo || OrtTensors.FromOrt(tensorInfo.ElementDataType) is not TensorElementType type)
                {
                    string what = info is { } known ? $"a {known.ElementDataType} tensor" : $"a {value.OnnxType}";
                    return ComputeResult<List<TensorData>>.Fail(ComputeError.UnsupportedOutputType,
                        $"output \"{name}\" is {what}; a tensor blob carries numeric and bool tensors");
                }

                outputs.Add(TensorData.Create(name, type, tensorInfo.Shape, value.GetTensorDataAsSpan<byte>()));
            }

            return ComputeResult<List<TensorData>>.Ok(outputs);
        }
    }

    /// <summary>
    /// Whether ONNX Runtime failed because an allocation was refused (<c>Failed to allocate memory</c>,
    /// <c>bad_alloc</c>): a tensor larger than the machine can hold, which no provider's run can complete.
    /// </summary>
    private static bool IsAllocationFailure(string message) =>
        message.Contains("allocate", StringComparison.OrdinalIgnoreCase) || message.Contains("bad_alloc", StringComparison.Ordinal);

    private static ComputeResult<Dictionary<string, OrtValue>> Mismatch(string message) =>
        ComputeResult<Dictionary<string, OrtValue>>.Fail(ComputeError.InputMismatch, message);

    /// <summary>A loaded model, a private copy of its bytes, and when it was last used (a counter, not a clock).</summary>
    private sealed class CachedSession(byte[] model, InferenceSession session)
    {
        public byte[] Model { get; } = model;

        public InferenceSession Session { get; } = session;

        public long LastUse { get; set; }

        /// <summary>The caller's array of the last hit: callers never change a model array they pass again.</summary>
        public byte[]? Caller { get; set; }
    }
}
