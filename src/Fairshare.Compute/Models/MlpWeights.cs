using System.Collections.Immutable;

namespace Fairshare.Compute.Models;

/// <summary>
/// The layers of a multi-layer perceptron: dense layers with ReLU between them and softmax after the last. The same
/// weights feed <see cref="OnnxModelBuilder.Mlp(MlpWeights)"/> and <see cref="ReferenceMlp"/>.
/// </summary>
/// <param name="Layers">The dense layers, input side first; each layer's inputs equal the previous one's outputs.</param>
public sealed record MlpWeights(ImmutableArray<DenseLayer> Layers)
{
    /// <summary>The input width.</summary>
    public int Inputs => Layers[0].Inputs;

    /// <summary>The output width (the number of classes).</summary>
    public int Outputs => Layers[^1].Outputs;

    /// <summary>
    /// Weights drawn from <paramref name="seed"/>: every weight and bias uniform in ±1/√fan-in (the usual
    /// initialisation, which keeps activations in a sane range). The same arguments always give the same bits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A width below 1.</exception>
    public static MlpWeights Generate(int inputs, int[] hidden, int outputs, int seed)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        int[] widths = [inputs, .. hidden, outputs];
        if (widths.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(hidden), "every layer width must be at least 1");

        var random = new SeededRandom(seed);
        var layers = ImmutableArray.CreateBuilder<DenseLayer>(widths.Length - 1);
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            int k = widths[i], n = widths[i + 1];
            float scale = 1f / MathF.Sqrt(k);
            float[] weights = random.NextArray(checked(k * n), scale);
            float[] bias = random.NextArray(n, scale);
            layers.Add(new DenseLayer(k, n, weights, bias));
        }

        return new MlpWeights(layers.MoveToImmutable());
    }
}
