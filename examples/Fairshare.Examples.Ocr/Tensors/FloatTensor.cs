using Fairshare.Compute.Formats;
using Fairshare.Compute.Tensors;

namespace Fairshare.Examples.Ocr.Tensors;

/// <summary>
/// A float32 tensor: a shape and its values in row-major (C) order, the last dimension varying fastest. The example's
/// model input (<c>[1, 3, 48, W]</c>) and output (<c>[N, T, 6625]</c>) are both of this kind.
/// </summary>
/// <remarks>The values array is shared, not copied: whoever builds a tensor hands its array over.</remarks>
public sealed class FloatTensor
{
    /// <summary>Wraps <paramref name="values"/> as a tensor of <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">A negative dimension, or a value count that is not the product of the shape.</exception>
    public FloatTensor(IReadOnlyList<int> shape, float[] values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        long count = 1;
        foreach (int dim in shape)
        {
            if (dim < 0) throw new ArgumentException($"negative dimension in [{string.Join(", ", shape)}]", nameof(shape));
            count *= dim;
        }

        if (count != values.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} values, not {values.Length}", nameof(values));
        Shape = [.. shape];
        Values = values;
    }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The values in row-major order.</summary>
    public float[] Values { get; }

    /// <summary>The shape as text, e.g. <c>[1, 3, 48, 320]</c>.</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";

    /// <summary>
    /// Writes the tensor as a NumPy <c>.npy</c> file (format 1.0, <c>'&lt;f4'</c>, C order), which
    /// <c>numpy.load</c> and the <c>fairshare</c> CLI read (Fairshare's <see cref="NpyFormat"/>).
    /// </summary>
    public void WriteNpy(string path) => File.WriteAllBytes(path, NpyFormat.Write(TensorData.Float32("x", [.. Shape.Select(d => (long)d)], Values)));

    /// <summary>Reads a float32 NumPy <c>.npy</c> file, such as a job output (any byte order or memory order numpy writes).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a float32 <c>.npy</c> file.</exception>
    public static FloatTensor ReadNpy(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no .npy file at {path}", path);
        var read = NpyFormat.Read(File.ReadAllBytes(path), "x");
        if (!read.IsOk) throw new InvalidDataException($"{path} is not a NumPy array: {read.Message}");
        if (read.Value.Type != TensorElementType.Float32)
            throw new InvalidDataException($"{path} holds {read.Value.Type.ToString().ToLowerInvariant()} values; the recognizer's tensors are float32");
        return new FloatTensor([.. read.Value.Shape.Select(d => checked((int)d))], read.Value.AsFloat32().ToArray());
    }
}
