using Fairshare.Compute.Sandbox;
using Fairshare.Compute.Tensors;
using Fairshare.Agents;

namespace Fairshare.Bench.Jobs;

/// <summary>What <see cref="JobBenchmark"/> runs.</summary>
public sealed record JobBenchOptions
{
    /// <summary>Jobs sent through the whole path (and direct runs timed).</summary>
    public int Jobs { get; init; } = 12;

    /// <summary>Small jobs per verification policy in the cost runs (0: skip them).</summary>
    public int CostJobs { get; init; } = 60;

    /// <summary>The ONNX model; null: the generated MLP.</summary>
    public byte[]? Model { get; init; }

    /// <summary>The model's inputs (with <see cref="Model"/>).</summary>
    public JobTensors? Inputs { get; init; }

    /// <summary>How the model is named in the result (e.g. its file name).</summary>
    public string? ModelName { get; init; }

    /// <summary>Makes the providers' sandbox (the worker process a real provider uses); null: in the provider's own process.</summary>
    public Func<ISandbox>? Sandbox { get; init; }

    /// <summary>How the sandbox is named in the result.</summary>
    public string SandboxName { get; init; } = "in-process";
}
