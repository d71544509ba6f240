using Fairshare.Compute.Tensors;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// What a client asks the network to run: its ONNX model and inputs, how the output is checked, and what it pays at
/// most. Build the inputs with <see cref="JobInputFiles"/> (from <c>.npy</c>/<c>.npz</c> files or folders) or
/// <see cref="JobTensors.Single"/>.
/// </summary>
/// <param name="Model">The ONNX model's bytes.</param>
/// <param name="Inputs">The inputs: one item of named tensors, or several (a folder, a split batch).</param>
public sealed record JobRequest(byte[] Model, JobTensors Inputs)
{
    /// <summary>The default memory a provider must offer and a run may use: 2 GiB.</summary>
    public const uint DefaultMinMemoryMb = 2048;

    /// <summary>The default number of blocks a slot has to reveal its output.</summary>
    public const uint DefaultDeadlineBlocks = 100;

    /// <summary>How the output is verified (default: spot-check).</summary>
    public VerificationPolicy Policy { get; init; } = VerificationPolicy.SpotCheck;

    /// <summary>Providers that run a replicated job at once (2 to 5); 1 for the other policies.</summary>
    public byte Replicas { get; init; } = 1;

    /// <summary>The price cap per work unit in FSH base units; null: the dearest offer that qualifies (every qualified
    /// provider may take it; the job pays the provider's own price, never the cap).</summary>
    public Amount? MaxPricePerWorkUnit { get; init; }

    /// <summary>Instead of a cap per unit: the most FSH base units the job may lock in escrow; the cap is derived from it.</summary>
    public Amount? Budget { get; init; }

    /// <summary>Blocks each slot has to reveal its output after it is assigned.</summary>
    public uint DeadlineBlocks { get; init; } = DefaultDeadlineBlocks;

    /// <summary>CPU, GPU or either.</summary>
    public DeviceClass Device { get; init; } = DeviceClass.Any;

    /// <summary>Memory, in MiB, a provider must offer; also the most a run may use before it is stopped.</summary>
    public uint MinMemoryMb { get; init; } = DefaultMinMemoryMb;
}
