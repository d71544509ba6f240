namespace Fairshare.Compute.Models;

/// <summary>One fully connected layer, <c>y = x · W + b</c> (ONNX <c>Gemm</c> with <c>transB = 0</c>).</summary>
/// <param name="Inputs">The input width K.</param>
/// <param name="Outputs">The output width N.</param>
/// <param name="Weights">W, shape [K, N], row-major.</param>
/// <param name="Bias">b, length N.</param>
public sealed record DenseLayer(int Inputs, int Outputs, float[] Weights, float[] Bias);
