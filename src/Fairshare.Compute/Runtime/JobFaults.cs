namespace Fairshare.Compute.Runtime;

/// <summary>
/// Job faults: failures that are the job's own (its model or inputs), never the provider's. A provider that meets one
/// does not go silent (which would cost it a missed-deadline slash): it reveals a fault output
/// (<c>JobTensors.Failed</c>), which every honest provider produces alike, so it is verified and paid like any output.
/// </summary>
public static class JobFaults
{
    /// <summary>One sentence for a person about what the fault means and what to do.</summary>
    public static string Explain(ComputeError fault) => fault switch
    {
        ComputeError.ModelInvalid or ComputeError.ModelUnparseable => "the model is not an ONNX model the providers' runtime loads; check it with 'fairshare job quote'",
        ComputeError.InputMismatch => "the inputs do not fit the model's signature; check them with 'fairshare job quote'",
        ComputeError.RunFailed => "ONNX Runtime failed while running the model on these inputs (e.g. a shape the graph cannot take)",
        ComputeError.UnsupportedOutputType => "the model has an output that is not a numeric tensor",
        _ when (int)fault is >= 100 and < 200 => "the input blob is malformed",
        _ => $"the run failed with {fault}",
    };
}
