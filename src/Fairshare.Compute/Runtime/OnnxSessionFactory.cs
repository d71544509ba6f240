using Fairshare.Core.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// Creates ONNX Runtime sessions with the settings every replica shares, so their outputs compare: a fixed graph
/// optimisation level (<see cref="Optimization"/>, never ONNX Runtime's default, which may change between versions),
/// one intra-op and one inter-op thread, sequential execution, and no CPU memory arena (memory goes back to the system
/// after a job instead of staying in ONNX Runtime's pool). No custom operator library is ever registered, so a model
/// can only use ONNX Runtime's own operators. The execution provider is what the caller asked for when it loads; when
/// CUDA does not load (no GPU package, missing CUDA or cuDNN libraries, no device) every session runs on the CPU, and
/// <see cref="FallbackReason"/> says why (logged once). A model whose session cannot be created with CUDA is loaded on
/// the CPU instead (logged), so a GPU provider fails only the models a CPU provider fails too.
/// </summary>
public sealed partial class OnnxSessionFactory
{
    /// <summary>
    /// The graph optimisation level of every session, fixed so every replica transforms a graph alike: all of ONNX
    /// Runtime's optimisations, layout ones (NCHWc blocks sized by the CPU's vector width) included. MLAS already picks
    /// its kernels by instruction set, so no level gives bit-identical results across machines; the layout changes the
    /// order of sums by far less than the comparator allows (PP-OCRv4 detection at 640²: 1.8e-7 at most, 0.2 % of the
    /// float32 tolerance, against <c>ORT_ENABLE_EXTENDED</c>), and makes that model 15 % faster on our machines.
    /// </summary>
    public const GraphOptimizationLevel Optimization = GraphOptimizationLevel.ORT_ENABLE_ALL;

    private readonly ILogger _logger;
    private readonly Lazy<ProviderAvailability?> _probe;

    /// <summary>A factory for sessions on <paramref name="requested"/>.</summary>
    public OnnxSessionFactory(ExecutionProvider requested, ILogger? logger = null)
    {
        Requested = requested;
        _logger = logger ?? NullLogger.Instance;
        _probe = new Lazy<ProviderAvailability?>(() => Probe(requested));
    }

    /// <summary>The provider the caller asked for.</summary>
    public ExecutionProvider Requested { get; }

    /// <summary>The provider sessions get: <see cref="Requested"/>, or the CPU when CUDA does not load here.</summary>
    public ExecutionProvider Effective => FallbackReason is null ? Requested : ExecutionProvider.Cpu;

    /// <summary>Why CUDA was asked for and the CPU is used; null when nothing fell back.</summary>
    public string? FallbackReason => _probe.Value is { Loads: false } failed ? failed.Reason : null;

    /// <summary>For logs and offers: <c>onnxruntime-cpu</c>, <c>onnxruntime-cuda:0</c>, or <c>onnxruntime-cpu (CUDA: reason)</c>.</summary>
    public string Backend => FallbackReason is { } reason ? $"onnxruntime-cpu (CUDA unavailable: {reason})" : $"onnxruntime-{Effective}";

    /// <summary>
    /// Loads <paramref name="model"/> into a session; <see cref="ComputeError.ModelInvalid"/> when ONNX Runtime refuses
    /// it (on the CPU too, when CUDA refused it first).
    /// </summary>
    public ComputeResult<InferenceSession> Create(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var provider = Effective;
        if (provider.Kind == ExecutionProviderKind.Cuda)
        {
            try
            {
                return ComputeResult<InferenceSession>.Ok(Load(model, provider));
            }
            catch (OnnxRuntimeException e)
            {
                LogCudaSessionFailed(_logger, Hash32.Compute(model).ToString(), FirstLine(e.Message));
            }
        }

        try
        {
            return ComputeResult<InferenceSession>.Ok(Load(model, ExecutionProvider.Cpu));
        }
        catch (OnnxRuntimeException e)
        {
            return ComputeResult<InferenceSession>.Fail(ComputeError.ModelInvalid, $"ONNX Runtime cannot load the model {Hash32.Compute(model)}: {FirstLine(e.Message)}");
        }
    }

    /// <summary>Session options with the shared settings and <paramref name="provider"/> appended; the caller disposes them.</summary>
    /// <exception cref="OnnxRuntimeException">The provider cannot be appended (CUDA in a CPU build, or its libraries missing).</exception>
    public static SessionOptions Options(ExecutionProvider provider)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = Optimization,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            // The arena keeps a session's buffers between runs: without it every run allocates afresh (PP-OCRv4
            // detection at 640²: 280 ms instead of 153). The memory limit is measured from the worker's resident size
            // before each run, and an evicted session frees its arena.
            EnableCpuMemArena = true,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        try
        {
            if (provider.Kind == ExecutionProviderKind.Cuda) AppendCuda(options, provider.DeviceId);
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>ONNX Runtime's message without its source location and error-code prefix, first line only.</summary>
    internal static string FirstLine(string message)
    {
        string text = message.Trim();
        const string Marker = "[ONNXRuntimeError] : ";
        int at = text.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            // "[ONNXRuntimeError] : 1 : FAIL : the message": skip the code and the status name.
            text = text[(at + Marker.Length)..];
            for (int field = 0; field < 2 && text.IndexOf(" : ", StringComparison.Ordinal) is >= 0 and var colon; field++) text = text[(colon + 3)..];
        }
        else if (text.StartsWith('[') && text.IndexOf("] ", StringComparison.Ordinal) is > 0 and var end)
        {
            text = text[(end + 2)..];
        }

        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? text : text[..newline]).Trim();
    }

    private static InferenceSession Load(byte[] model, ExecutionProvider provider)
    {
        using var options = Options(provider);
        return new InferenceSession(model, options);
    }

    /// <summary>
    /// CUDA with cuDNN's heuristic convolution choice instead of its timed search (which may pick another algorithm on
    /// each load, and so other roundings) and allocations sized as requested.
    /// </summary>
    private static void AppendCuda(SessionOptions options, int deviceId)
    {
        using var cuda = new OrtCUDAProviderOptions();
        cuda.UpdateOptions(new Dictionary<string, string>
        {
            ["device_id"] = deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cudnn_conv_algo_search"] = "HEURISTIC",
            ["arena_extend_strategy"] = "kSameAsRequested",
        });
        options.AppendExecutionProvider_CUDA(cuda);
    }

    private ProviderAvailability? Probe(ExecutionProvider requested)
    {
        if (requested.Kind != ExecutionProviderKind.Cuda) return null;
        var found = ExecutionProviders.Probe(requested);
        if (!found.Loads) LogCudaFallback(_logger, requested.ToString(), found.Reason ?? "unknown");
        return found;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "{Requested} asked for, running on the CPU: the CUDA execution provider does not load ({Reason})")]
    private static partial void LogCudaFallback(ILogger logger, string requested, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "model {Model} does not load with CUDA, loading it on the CPU: {Reason}")]
    private static partial void LogCudaSessionFailed(ILogger logger, string model, string reason);
}
