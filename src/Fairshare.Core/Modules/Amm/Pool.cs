using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>
/// A Uniswap V2 pair on the ledger. Its tokens are the balances of <see cref="AmmPools.Account"/>; the reserves are
/// what the pair last synced (<c>_update</c>), so balance − reserve is what was sent in, as in the contract. LP shares
/// are the ledger asset <see cref="LpAsset"/>, whose supply is the pair's <c>totalSupply</c>.
/// </summary>
public sealed record Pool(
    uint Id,
    AssetId Asset0,
    AssetId Asset1,
    AssetId LpAsset,
    Amount Reserve0,
    Amount Reserve1,
    Amount KLast,
    Amount Price0Cumulative,
    Amount Price1Cumulative,
    uint TimestampLast,
    Observation Older,
    Observation Newer)
{
    /// <summary>The reserve of one of the pool's assets.</summary>
    public Amount ReserveOf(AssetId asset) => asset == Asset0 ? Reserve0 : Reserve1;

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(256);
        writer.WriteU32(Id);
        writer.WriteU32(Asset0.Value);
        writer.WriteU32(Asset1.Value);
        writer.WriteU32(LpAsset.Value);
        writer.WriteAmount(Reserve0);
        writer.WriteAmount(Reserve1);
        writer.WriteAmount(KLast);
        writer.WriteAmount(Price0Cumulative);
        writer.WriteAmount(Price1Cumulative);
        writer.WriteU32(TimestampLast);
        Older.Encode(writer);
        Newer.Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static Pool Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var pool = new Pool(
            reader.ReadU32(), new AssetId(reader.ReadU32()), new AssetId(reader.ReadU32()), new AssetId(reader.ReadU32()),
            reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount(),
            reader.ReadU32(), Observation.Read(ref reader), Observation.Read(ref reader));
        reader.ExpectEnd();
        return reader.Ok ? pool : throw new InvalidOperationException($"stored AMM pool does not decode: {reader.Error}");
    }
}
