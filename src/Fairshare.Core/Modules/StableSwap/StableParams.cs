using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The StableSwap module's governed parameters: what a new pool gets (each pool keeps its own copy).</summary>
/// <param name="A">The amplification a pool gets when its creator names none (public A, not × A_PRECISION).</param>
/// <param name="Fee">The swap fee, as a fraction of 10^10 (4,000,000 = 0.04 %).</param>
/// <param name="AdminFee">The share of every fee paid to the treasury, as a fraction of 10^10 (5,000,000,000 = 50 %).</param>
public sealed record StableParams(uint A, ulong Fee, ulong AdminFee)
{
    /// <summary>Curve's MAX_A: the largest public amplification.</summary>
    public const uint MaxA = 1_000_000;

    /// <summary>The parameters in force until governance changes them.</summary>
    public static StableParams Default { get; } = new(100, 4_000_000, 5_000_000_000);

    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(20);
        writer.WriteU32(A);
        writer.WriteU64(Fee);
        writer.WriteU64(AdminFee);
        return writer.ToArray();
    }

    /// <summary>Decodes stored parameters.</summary>
    public static StableParams Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var result = new StableParams(reader.ReadU32(), reader.ReadU64(), reader.ReadU64());
        reader.ExpectEnd();
        return reader.Ok ? result : throw new InvalidOperationException($"stored StableSwap parameters do not decode: {reader.Error}");
    }
}
