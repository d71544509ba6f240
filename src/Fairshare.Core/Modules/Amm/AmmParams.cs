using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules.Amm;

/// <summary>The AMM's governed parameters.</summary>
/// <param name="ProtocolFeeOn">Uniswap's fee switch: 1/6 of the growth of √k is minted to the treasury as LP shares.</param>
/// <param name="TwapPeriodSeconds">The shortest window a TWAP read averages over.</param>
public sealed record AmmParams(bool ProtocolFeeOn, uint TwapPeriodSeconds)
{
    /// <summary>The parameters in force until governance changes them.</summary>
    public static AmmParams Default { get; } = new(false, 60);

    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(8);
        writer.WriteBool(ProtocolFeeOn);
        writer.WriteU32(TwapPeriodSeconds);
        return writer.ToArray();
    }

    /// <summary>Decodes stored parameters.</summary>
    public static AmmParams Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var result = new AmmParams(reader.ReadBool(), reader.ReadU32());
        reader.ExpectEnd();
        return reader.Ok ? result : throw new InvalidOperationException($"stored AMM parameters do not decode: {reader.Error}");
    }
}
