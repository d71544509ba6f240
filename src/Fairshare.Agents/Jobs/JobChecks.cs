using System.Collections.Immutable;
using Fairshare.Compute;
using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Models.Inspection;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// The checks a job passes on the client's machine before any money moves (<see cref="Prepare"/>), in order: the model
/// is within <c>market.max-model-bytes</c>, is ONNX, uses only what the providers' runtime supports and loads in ONNX
/// Runtime; every input item fits the model's signature (a batch whose size the model fixes is split into items); the
/// input blob is within <c>market.max-input-bytes</c>; the work is estimated from the graph. Each failure is one
/// <see cref="JobException"/> with its own code.
/// </summary>
public static class JobChecks
{
    /// <summary>Checks the request against the governed limits and returns the job ready to upload.</summary>
    public static PreparedJob Prepare(JobRequest request, MarketParams limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if ((ulong)request.Model.LongLength > limits.MaxModelBytes)
        {
            throw new JobException(JobErrors.ModelTooLarge,
                $"the model is {Bytes(request.Model.LongLength)}; this chain takes models up to {Bytes((long)limits.MaxModelBytes)} (market.max-model-bytes)");
        }

        // The static checks first (external data, operators, opsets, dtypes), then ONNX Runtime itself loads it.
        var loaded = ModelInspector.LoadCheck(request.Model);
        if (!loaded.IsOk) throw JobErrors.From(loaded.Error, loaded.Message!);
        var signature = loaded.Value;

        var inputs = FitBatch(signature, request.Inputs);
        byte[] input = inputs.Encode();
        if ((ulong)input.LongLength > limits.MaxInputBytes)
        {
            throw new JobException(JobErrors.InputTooLarge,
                $"the inputs encode to {Bytes(input.LongLength)}; this chain takes input blobs up to {Bytes((long)limits.MaxInputBytes)} (market.max-input-bytes): split them into several jobs");
        }

        return new PreparedJob(request.Model, Hash32.Compute(request.Model), signature, inputs, input, Hash32.Compute(input), Estimate(request.Model, inputs));
    }

    /// <summary>
    /// The inputs as they will run. One item that does not fit only because its tensors carry N samples where the
    /// model fixes the batch dimension at 1 is split into N items (<see cref="JobLayout.Stacked"/>), which the outputs
    /// are stacked back from; any other misfit is refused with the signature's own message.
    /// </summary>
    public static JobTensors FitBatch(ModelSignature signature, JobTensors inputs)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(inputs);
        var first = signature.Check(inputs.Items[0].Tensors);
        if (first is not null && inputs.Layout == JobLayout.Single && BatchOfOnes(signature, inputs.Items[0].Tensors) is { } batch)
        {
            var split = JobTensors.SplitBatch(inputs.Items[0].Tensors);
            if (split.IsOk && split.Value.Items.Length == batch)
            {
                // Each item is one sample with the batch axis of one the model fixes (the split drops the axis).
                inputs = split.Value with
                {
                    Items = [.. split.Value.Items.Select(i => i with { Tensors = [.. i.Tensors.Select(t => t with { Shape = [1, .. t.Shape] })] })],
                };
                first = null;
            }
        }

        for (int i = 0; i < inputs.Items.Length; i++)
        {
            var problem = i == 0 ? first : signature.Check(inputs.Items[i].Tensors);
            if (problem is null) continue;
            string where = inputs.Layout == JobLayout.Single ? "" : $"item '{inputs.Items[i].Name}': ";
            throw JobErrors.From(problem.Error, where + problem.Message);
        }

        return inputs;
    }

    private static int? BatchOfOnes(ModelSignature signature, ImmutableArray<TensorData> tensors)
    {
        int? batch = null;
        foreach (var port in signature.Inputs)
        {
            var tensor = tensors.FirstOrDefault(t => t.Name == port.Name);
            if (tensor is null || port.Shape is not { } dims || tensor.Shape.Length != dims.Length || dims.Length == 0) return null;
            if (dims[0].Size != 1 || tensor.Shape[0] <= 1) return null;
            if (batch is not null && batch != tensor.Shape[0]) return null;
            batch = (int)Math.Min(tensor.Shape[0], int.MaxValue);
        }

        return batch <= JobTensors.MaxItems ? batch : null;
    }

    private static WorkEstimate Estimate(byte[] model, JobTensors inputs)
    {
        WorkEstimate? total = null;
        foreach (var item in inputs.Items)
        {
            var estimate = WorkEstimator.ForOnnx(model, item.Tensors);
            if (!estimate.IsOk) throw JobErrors.From(estimate.Error, estimate.Message!);
            total = total is null ? estimate.Value : total.Value.Plus(estimate.Value);
        }

        return total!.Value;
    }

    /// <summary>Bytes in words: "10.3 MiB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
