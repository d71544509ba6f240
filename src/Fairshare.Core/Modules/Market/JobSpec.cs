using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>What a client asks the market to run, what it pays at most, and how the output is checked.</summary>
/// <param name="Kind">ONNX inference or a kernel.</param>
/// <param name="Model">The model blob's SHA-256 (zero for a kernel).</param>
/// <param name="Input">The input blob's SHA-256.</param>
/// <param name="MinMemoryMb">Memory a provider must offer, in MiB.</param>
/// <param name="Device">The device class needed (<see cref="DeviceClass.Any"/> for either).</param>
/// <param name="WorkUnits">The work estimate; a slot's price is the provider's price × this.</param>
/// <param name="MaxPricePerWorkUnit">The price cap per work unit, in FSH base units.</param>
/// <param name="DeadlineBlocks">Blocks a slot has from its assignment to reveal its output.</param>
/// <param name="Policy">How the output is verified.</param>
/// <param name="Replicas">Executors at once: 2 to 5 for Replicate, 1 otherwise.</param>
/// <param name="Seal">SHA-256(expected output hash ‖ salt) for a known-answer job; random bytes otherwise.</param>
/// <param name="Weights">Weights for the weighted matching policy.</param>
public sealed record JobSpec(
    JobKind Kind,
    Hash32 Model,
    Hash32 Input,
    uint MinMemoryMb,
    DeviceClass Device,
    ulong WorkUnits,
    Amount MaxPricePerWorkUnit,
    uint DeadlineBlocks,
    VerificationPolicy Policy,
    byte Replicas,
    Hash32 Seal,
    MatchWeights Weights)
{
    /// <summary>The longest per-slot deadline, in blocks.</summary>
    public const uint MaxDeadlineBlocks = 100_000;

    /// <summary>The largest work estimate (keeps the per-provider work counters far from overflow).</summary>
    public const ulong MaxWorkUnits = 1_000_000_000_000;

    /// <summary>The fewest replicas of a replicated job.</summary>
    public const byte MinReplicas = 2;

    /// <summary>The most replicas of a replicated job.</summary>
    public const byte MaxReplicas = 5;

    /// <summary>Executions the escrow must cover: the replicas, primary + checker for a spot check, or one.</summary>
    public int MaxExecutions => Policy switch
    {
        VerificationPolicy.Replicate => Replicas,
        VerificationPolicy.SpotCheck => 2,
        _ => 1,
    };

    /// <summary>Whether the fields other than <see cref="Replicas"/> are in range (else <see cref="ResultCode.MarketBadJobSpec"/>).</summary>
    public bool IsValid =>
        Kind switch
        {
            JobKind.OnnxInference => !Model.IsZero,
            JobKind.Kernel => Model.IsZero,
            _ => false,
        }
        && !Input.IsZero
        && Device is DeviceClass.Any or DeviceClass.Cpu or DeviceClass.Gpu
        && WorkUnits is > 0 and <= MaxWorkUnits
        && !MaxPricePerWorkUnit.IsZero
        && DeadlineBlocks is > 0 and <= MaxDeadlineBlocks
        && Policy is VerificationPolicy.Replicate or VerificationPolicy.SpotCheck or VerificationPolicy.Canary;

    /// <summary>Whether <see cref="Replicas"/> fits the policy (else <see cref="ResultCode.MarketBadReplicas"/>).</summary>
    public bool ReplicasFit => Policy == VerificationPolicy.Replicate ? Replicas is >= MinReplicas and <= MaxReplicas : Replicas == 1;

    /// <summary>The escrow the client locks: cap × work units × <see cref="MaxExecutions"/>; false on overflow.</summary>
    public bool TryEscrow(out Amount escrow)
    {
        escrow = Amount.Zero;
        return Amount.TryMul(MaxPricePerWorkUnit, new Amount(WorkUnits), out var perExecution)
            && Amount.TryMul(perExecution, new Amount((ulong)MaxExecutions), out escrow);
    }

    /// <summary>Whether a provider's offer fits the job's memory, device and price cap.</summary>
    public bool Fits(ProviderOffer offer) =>
        offer.MemoryMb >= MinMemoryMb
        && (Device == DeviceClass.Any || offer.Device == Device)
        && offer.PricePerWorkUnit <= MaxPricePerWorkUnit;

    /// <summary>Writes the spec.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU8((byte)Kind);
        writer.WriteHash(Model);
        writer.WriteHash(Input);
        writer.WriteU32(MinMemoryMb);
        writer.WriteU8((byte)Device);
        writer.WriteU64(WorkUnits);
        writer.WriteAmount(MaxPricePerWorkUnit);
        writer.WriteU32(DeadlineBlocks);
        writer.WriteU8((byte)Policy);
        writer.WriteU8(Replicas);
        writer.WriteHash(Seal);
        Weights.Encode(writer);
    }

    /// <summary>Reads a spec (check <see cref="CanonicalReader.Ok"/>).</summary>
    public static JobSpec Read(ref CanonicalReader reader) => new(
        (JobKind)reader.ReadU8(),
        reader.ReadHash(),
        reader.ReadHash(),
        reader.ReadU32(),
        (DeviceClass)reader.ReadU8(),
        reader.ReadU64(),
        reader.ReadAmount(),
        reader.ReadU32(),
        (VerificationPolicy)reader.ReadU8(),
        reader.ReadU8(),
        reader.ReadHash(),
        MatchWeights.Read(ref reader));
}
