using System.Diagnostics;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Primitives;
using Microsoft.ML.OnnxRuntime;
using OrtElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// Runs ONNX inference jobs on ONNX Runtime's CPU execution provider with one intra-op and one inter-op thread (more
/// threads were slower on our machines, and one thread keeps runs reproducible). The input blob's tensors must match
/// the model's inputs by name, element type and rank, and fixed dimensions; the output blob holds every model output,
/// in the model's output order. Loaded sessions are cached by model (a hit is found by comparing the bytes, which is
/// cheaper than hashing them), least recently used evicted.
/// </summary>
public sealed class OnnxJobRunner : IJobRunner
{
    /// <summary>How many loaded models the default runner keeps.</summary>
    public const int DefaultCacheCapacity = 4;

    private readonly List<CachedSession> _sessions = [];
    private readonly int _capacity;
    private long _uses;

    /// <summary>A runner keeping up to <paramref name="cacheCapacity"/> loaded models.</summary>
    public OnnxJobRunner(int cacheCapacity = DefaultCacheCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheCapacity, 1);
        _capacity = cacheCapacity;
    }

    /// <inheritdoc/>
    public ComputeJobKind Kind => ComputeJobKind.OnnxInference;

    /// <inheritdoc/>
    public string Backend => "onnxruntime-cpu";

    /// <summary>The number of models loaded now.</summary>
    public int CachedSessions => _sessions.Count;

    /// <inheritdoc/>
    public JobRunResult Run(byte[] model, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        var clock = Stopwatch.StartNew();
        var decoded = TensorBlob.Decode(input);
        if (!decoded.IsOk) return JobRunResult.Fail(decoded.Error, decoded.Message!, clock.Elapsed);
        var session = Session(model);
        if (!session.IsOk) return JobRunResult.Fail(session.Error, session.Message!, clock.Elapsed);

        var inputs = Bind(session.Value, decoded.Value);
        if (!inputs.IsOk) return JobRunResult.Fail(inputs.Error, inputs.Message!, clock.Elapsed);
        try
        {
            var outputs = Execute(session.Value, inputs.Value);
            return outputs.IsOk
                ? JobRunResult.Ok(TensorBlob.Encode(outputs.Value), clock.Elapsed)
                : JobRunResult.Fail(outputs.Error, outputs.Message!, clock.Elapsed);
        }
        finally
        {
            foreach (var value in inputs.Value.Values) value.Dispose();
        }
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

        InferenceSession session;
        try
        {
            using var options = new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
            };
            session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException e)
        {
            return ComputeResult<InferenceSession>.Fail(ComputeError.ModelInvalid, $"ONNX Runtime cannot load the model {Hash32.Compute(model)}: {e.Message}");
        }

        if (_sessions.Count >= _capacity)
        {
            var oldest = _sessions.MinBy(c => c.LastUse)!;
            oldest.Session.Dispose();
            _sessions.Remove(oldest);
        }

        _sessions.Add(new CachedSession((byte[])model.Clone(), session) { LastUse = ++_uses, Caller = model });
        return ComputeResult<InferenceSession>.Ok(session);
    }

    /// <summary>Checks the tensors against the model's inputs and wraps each in an <see cref="OrtValue"/>.</summary>
    private static ComputeResult<Dictionary<string, OrtValue>> Bind(InferenceSession session, TensorBlob blob)
    {
        var extra = blob.Tensors.Select(t => t.Name).Where(name => !session.InputMetadata.ContainsKey(name)).ToList();
        if (extra.Count > 0) return Mismatch($"the model has no input named {string.Join(", ", extra.Select(n => $"\"{n}\""))}");

        var values = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        foreach (var (name, metadata) in session.InputMetadata)
        {
            var tensor = blob.Find(name);
            string? problem = tensor is null ? $"the input blob has no tensor \"{name}\"" : Misfit(tensor, metadata);
            if (problem is not null)
            {
                foreach (var value in values.Values) value.Dispose();
                return Mismatch(problem);
            }

            values[name] = tensor!.Type == TensorElementType.Float32
                ? OrtValue.CreateTensorValueFromMemory(tensor.AsFloat32().ToArray(), tensor.Shape)
                : OrtValue.CreateTensorValueFromMemory(tensor.AsInt64().ToArray(), tensor.Shape);
        }

        return ComputeResult<Dictionary<string, OrtValue>>.Ok(values);
    }

    private static string? Misfit(TensorData tensor, NodeMetadata metadata)
    {
        var expected = metadata.IsTensor ? FromOrt(metadata.ElementDataType) : null;
        if (expected != tensor.Type)
            return $"input \"{tensor.Name}\" is {tensor.Type}; the model wants {(metadata.IsTensor ? metadata.ElementDataType : metadata.OnnxValueType)}";
        int[] dims = metadata.Dimensions;
        bool fits = dims.Length == tensor.Shape.Length && dims.Select((d, i) => d < 0 || d == tensor.Shape[i]).All(ok => ok);
        return fits ? null : $"input \"{tensor.Name}\" has shape {tensor.ShapeText}; the model wants [{string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString()))}]";
    }

    private static ComputeResult<List<TensorData>> Execute(InferenceSession session, Dictionary<string, OrtValue> inputs)
    {
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            using var runOptions = new RunOptions();
            results = session.Run(runOptions, inputs.Keys.ToList(), inputs.Values.ToList(), session.OutputNames);
        }
        catch (OnnxRuntimeException e)
        {
            return ComputeResult<List<TensorData>>.Fail(ComputeError.RunFailed, $"ONNX Runtime failed: {e.Message}");
        }

        using (results)
        {
            var outputs = new List<TensorData>(results.Count);
            for (int i = 0; i < results.Count; i++)
            {
                string name = session.OutputNames[i];
                var value = results[i];
                var type = value.IsTensor ? FromOrt(value.GetTensorTypeAndShape().ElementDataType) : null;
                if (type is null)
                    return ComputeResult<List<TensorData>>.Fail(ComputeError.UnsupportedOutputType, $"output \"{name}\" is not a Float32 or Int64 tensor");
                long[] shape = value.GetTensorTypeAndShape().Shape;
                outputs.Add(type == TensorElementType.Float32
                    ? TensorData.Float32(name, shape, value.GetTensorDataAsSpan<float>())
                    : TensorData.Int64(name, shape, value.GetTensorDataAsSpan<long>()));
            }

            return ComputeResult<List<TensorData>>.Ok(outputs);
        }
    }

    private static TensorElementType? FromOrt(OrtElementType type) => type switch
    {
        OrtElementType.Float => TensorElementType.Float32,
        OrtElementType.Int64 => TensorElementType.Int64,
        _ => null,
    };

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
