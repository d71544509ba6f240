using static Fairshare.Compute.Models.OnnxGraphBuilder;

namespace Fairshare.Compute.Models;

/// <summary>
/// Real ONNX models generated from seeded weights, byte-for-byte the same for the same arguments (so they have stable
/// content addresses): the MLP used by tests, demos and the standard benchmark, and a convolutional network heavy
/// enough to time. Every model has one float32 input <c>x</c> whose first dimension is the symbolic batch, and one
/// output <c>y</c>: class probabilities [batch, classes].
/// </summary>
public static class OnnxModelBuilder
{
    /// <summary>The ONNX IR version the models declare.</summary>
    public const long IrVersion = 8;

    /// <summary>The default-domain opset the models import.</summary>
    public const long Opset = 17;

    /// <summary>The name of every generated model's input.</summary>
    public const string InputName = "x";

    /// <summary>The name of every generated model's output.</summary>
    public const string OutputName = "y";

    /// <summary>
    /// An MLP: Gemm → Relu → … → Gemm → Softmax, input <c>x</c> [batch, inputs], output <c>y</c> [batch, outputs],
    /// weights from <see cref="MlpWeights.Generate"/>.
    /// </summary>
    public static byte[] Mlp(int inputs, int[] hidden, int outputs, int seed) =>
        Mlp(MlpWeights.Generate(inputs, hidden, outputs, seed));

    /// <summary>The MLP of the given weights (see <see cref="Mlp(int, int[], int, int)"/>).</summary>
    public static byte[] Mlp(MlpWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var graph = new OnnxGraphBuilder("mlp");
        string current = InputName;
        for (int l = 0; l < weights.Layers.Length; l++)
        {
            var layer = weights.Layers[l];
            string w = graph.Initializer($"w{l}", [layer.Inputs, layer.Outputs], layer.Weights);
            string b = graph.Initializer($"b{l}", [layer.Outputs], layer.Bias);
            current = graph.Node("Gemm", [current, w, b]);
            if (l + 1 < weights.Layers.Length) current = graph.Node("Relu", [current]);
        }

        graph.Node("Softmax", [current], OutputName, Int("axis", -1));
        return graph.Build(InputName, [null, weights.Inputs], OutputName, [null, weights.Outputs]);
    }

    /// <summary>
    /// A small VGG-style image classifier: for each entry of <paramref name="filters"/> a 3×3 Conv (padding 1) →
    /// Relu → 2×2 MaxPool (stride 2), then Flatten → Gemm → Softmax. Input <c>x</c> [batch, channels, size, size],
    /// output <c>y</c> [batch, classes]; weights uniform in ±1/√fan-in from <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A count below 1, or a <paramref name="size"/> that the pooling would shrink below 1.
    /// </exception>
    public static byte[] ConvNet(int channels, int size, int[] filters, int classes, int seed)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (channels < 1 || classes < 1 || filters.Length == 0 || filters.Any(f => f < 1))
            throw new ArgumentOutOfRangeException(nameof(filters), "channels, classes and every filter count must be at least 1");
        if (size >> filters.Length < 1)
            throw new ArgumentOutOfRangeException(nameof(size), $"size {size} cannot be halved {filters.Length} times");

        var random = new SeededRandom(seed);
        var graph = new OnnxGraphBuilder("convnet");
        string current = InputName;
        int inChannels = channels, side = size;
        for (int c = 0; c < filters.Length; c++)
        {
            int fanIn = inChannels * 9;
            float scale = 1f / MathF.Sqrt(fanIn);
            string w = graph.Initializer($"conv{c}_w", [filters[c], inChannels, 3, 3], random.NextArray(filters[c] * fanIn, scale));
            string b = graph.Initializer($"conv{c}_b", [filters[c]], random.NextArray(filters[c], scale));
            current = graph.Node("Conv", [current, w, b], Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1));
            current = graph.Node("Relu", [current]);
            current = graph.Node("MaxPool", [current], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
            inChannels = filters[c];
            side /= 2;
        }

        int features = checked(inChannels * side * side);
        float denseScale = 1f / MathF.Sqrt(features);
        current = graph.Node("Flatten", [current], Int("axis", 1));
        string dw = graph.Initializer("dense_w", [features, classes], random.NextArray(checked(features * classes), denseScale));
        string db = graph.Initializer("dense_b", [classes], random.NextArray(classes, denseScale));
        current = graph.Node("Gemm", [current, dw, db]);
        graph.Node("Softmax", [current], OutputName, Int("axis", -1));
        return graph.Build(InputName, [null, channels, size, size], OutputName, [null, classes]);
    }
}
