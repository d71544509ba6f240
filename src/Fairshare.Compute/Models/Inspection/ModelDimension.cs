namespace Fairshare.Compute.Models.Inspection;

/// <summary>
/// One dimension of a model input or output as the model declares it: a fixed size, a symbolic size (ONNX's
/// <c>dim_param</c>, e.g. <c>batch</c>: any size, but the same wherever the symbol appears), or unknown (any size).
/// </summary>
public readonly record struct ModelDimension
{
    private ModelDimension(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The fixed size; null for a symbolic or unknown dimension.</summary>
    public long? Size { get; }

    /// <summary>The symbol; null for a fixed or unknown dimension.</summary>
    public string? Symbol { get; }

    /// <summary>A dimension of any size (the default value).</summary>
    public static ModelDimension Unknown => default;

    /// <summary>A dimension that must be exactly <paramref name="size"/>.</summary>
    public static ModelDimension Fixed(long size) => new(size, null);

    /// <summary>A dimension bound to <paramref name="symbol"/>.</summary>
    public static ModelDimension Symbolic(string symbol) => new(null, symbol);

    /// <summary>The size, the symbol, or <c>?</c>.</summary>
    public override string ToString() => Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
