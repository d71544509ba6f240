namespace Fairshare.Compute.Runtime;

/// <summary>
/// Job faults: failures that are the job's own (its model or inputs), never the provider's. A provider that meets one
/// does not go silent (which would cost it a missed-deadline slash): it reveals a fault output
/// (<c>JobTensors.Failed</c>), which every honest provider produces alike, so it is verified and paid like any output.
/// The provider's own problems (<see cref="ComputeError.WorkerUnavailable"/>, <see cref="ComputeError.BlobStoreFailed"/>)
/// are not job faults: it commits nothing and tries again later.
/// </summary>
public static class JobFaults
{
    /// <summary>
    /// Whether <paramref name="error"/> is the job's own fault (every honest provider meets it alike), as opposed to
    /// the provider's own problem or success.
    /// </summary>
    public static bool IsJobFault(ComputeError error) => error switch
    {
        ComputeError.None or ComputeError.WorkerUnavailable or ComputeError.BlobStoreFailed => false,
        _ => Enum.IsDefined(error),
    };

    /// <summary>One sentence for a person about what the fault means and what to do.</summary>
    public static string Explain(ComputeError fault) => fault switch
    {
        ComputeError.ModelInvalid or ComputeError.ModelUnparseable => "the model is not an ONNX model the providers' runtime loads; check it with 'fairshare job quote'",
        ComputeError.InputMismatch => "the inputs do not fit the model's signature; check them with 'fairshare job quote'",
        ComputeError.RunFailed => "ONNX Runtime failed while running the model on these inputs (e.g. a shape the graph cannot take)",
        ComputeError.UnsupportedOutputType => "the model has an output that is not a numeric tensor",
        ComputeError.RunTimeExceeded => "the run took longer than market.run-time-factor times its estimated work allows; declare more work units or simplify the model",
        ComputeError.MemoryLimitExceeded => "the run needed more memory than the job's minimum memory; ask for more memory or use smaller inputs",
        ComputeError.WorkerCrashed => "the model crashed the providers' runtime twice; it cannot be run",
        ComputeError.ModelTooLarge => "the model blob is larger than market.max-model-bytes",
        ComputeError.InputTooLarge => "the input blob is larger than market.max-input-bytes",
        ComputeError.OutputTooLarge => "the output is larger than the network stores (the larger of market.max-model-bytes and market.max-input-bytes); split the inputs into smaller jobs",
        ComputeError.BlobUnavailable => "the model or input blob was not on the network for half the deadline; upload it before submitting",
        ComputeError.WorkerUnavailable => "the provider could not start its sandbox (its own problem, not the job's)",
        ComputeError.BlobStoreFailed => "the provider could not read its own blob store (its own problem, not the job's)",
        _ when (int)fault is >= 100 and < 200 => "the input blob is malformed",
        _ when (int)fault is >= 300 and < 400 => $"the model uses what the providers' runtime refuses ({fault}: external data, a custom operator, an opset or type it does not support); check it with 'fairshare job quote'",
        _ when (int)fault is >= 500 and < 600 => $"the inputs do not fit the model's signature ({fault}); check them with 'fairshare job quote'",
        _ => $"the run failed with {fault}",
    };
}
