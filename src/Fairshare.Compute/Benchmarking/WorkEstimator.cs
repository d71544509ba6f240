using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;
using Google.Protobuf;

namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// Estimates a job's work. For ONNX models it reads the graph itself and follows shapes, element types and small
/// integer values (shape arithmetic) from the actual input tensors and the model's constants, then counts
/// multiply-accumulates for MatMul, Gemm, Conv, ConvTranspose, Einsum, attention and LSTM/GRU/RNN cells, and element
/// operations for everything else it knows (<see cref="WorkEstimate"/>, <c>docs/compute.md</c>). It never throws on a
/// malformed or hostile graph: what it cannot follow makes the estimate incomplete, not wrong.
/// </summary>
public static class WorkEstimator
{
    /// <summary>The work of <c>C [m, n] = A [m, k] · B [k, n]</c>: m·k·n MACs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative dimension.</exception>
    public static WorkEstimate ForMatMul(long m, long k, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        UInt128 macs = Saturating.Multiply(Saturating.Multiply((UInt128)(ulong)m, (ulong)k), (ulong)n);
        return new WorkEstimate(Saturating.ToUInt64(macs));
    }

    /// <summary>The work of running <paramref name="model"/> (ONNX bytes) on the tensors of <paramref name="input"/>.</summary>
    public static ComputeResult<WorkEstimate> ForOnnx(byte[] model, TensorBlob input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ForOnnx(model, input.Tensors);
    }

    /// <summary>
    /// The work of running <paramref name="model"/> (ONNX bytes) on one item's named input tensors. Small integer
    /// inputs (up to 4096 elements) contribute their values, so shapes computed from them are followed too.
    /// </summary>
    public static ComputeResult<WorkEstimate> ForOnnx(byte[] model, IReadOnlyList<TensorData> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException e)
        {
            return ComputeResult<WorkEstimate>.Fail(ComputeError.ModelUnparseable, $"not an ONNX model: {e.Message}");
        }

        if (proto.Graph is null) return ComputeResult<WorkEstimate>.Fail(ComputeError.ModelUnparseable, "the model has no graph");
        return ComputeResult<WorkEstimate>.Ok(OnnxWorkCounter.Count(proto, inputs));
    }
}
