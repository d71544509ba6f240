namespace Fairshare.Compute.Models;

/// <summary>
/// A plain C# forward pass of <see cref="MlpWeights"/> — Gemm, ReLU, …, Gemm, softmax — accumulating in double. It is
/// the reference that ONNX Runtime's output is checked against; it is not fast.
/// </summary>
public static class ReferenceMlp
{
    /// <summary>The class probabilities for a batch: <paramref name="x"/> is [batch, inputs], the result [batch, outputs].</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not hold batch × inputs values.</exception>
    public static float[] Forward(MlpWeights weights, ReadOnlySpan<float> x, int batch)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (batch < 0 || x.Length != (long)batch * weights.Inputs)
            throw new ArgumentException($"expected {batch} × {weights.Inputs} inputs, got {x.Length}", nameof(x));

        double[] activations = new double[x.Length];
        for (int i = 0; i < x.Length; i++) activations[i] = x[i];
        for (int l = 0; l < weights.Layers.Length; l++)
        {
            activations = Dense(weights.Layers[l], activations, batch);
            if (l + 1 < weights.Layers.Length) Relu(activations);
        }

        var y = new float[activations.Length];
        for (int row = 0; row < batch; row++) Softmax(activations.AsSpan(row * weights.Outputs, weights.Outputs), y.AsSpan(row * weights.Outputs));
        return y;
    }

    private static double[] Dense(DenseLayer layer, double[] x, int batch)
    {
        var y = new double[batch * layer.Outputs];
        for (int row = 0; row < batch; row++)
        {
            for (int j = 0; j < layer.Outputs; j++)
            {
                double sum = layer.Bias[j];
                for (int k = 0; k < layer.Inputs; k++) sum += x[row * layer.Inputs + k] * layer.Weights[k * layer.Outputs + j];
                y[row * layer.Outputs + j] = sum;
            }
        }

        return y;
    }

    private static void Relu(double[] values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = Math.Max(0, values[i]);
    }

    private static void Softmax(ReadOnlySpan<double> logits, Span<float> destination)
    {
        double max = double.NegativeInfinity;
        foreach (double v in logits) max = Math.Max(max, v);
        double sum = 0;
        foreach (double v in logits) sum += Math.Exp(v - max);
        for (int i = 0; i < logits.Length; i++) destination[i] = (float)(Math.Exp(logits[i] - max) / sum);
    }
}
