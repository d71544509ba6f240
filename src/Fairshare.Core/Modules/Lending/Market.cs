using System.Numerics;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// A Compound v2 market (one cToken) on the ledger. Its cash is the balance of <see cref="LendingMarkets.Account"/> in
/// <see cref="Underlying"/> (plus any flash loan out within the running transaction); its cTokens are the ledger asset
/// <see cref="CToken"/>, whose supply is the cToken's <c>totalSupply</c>.
/// </summary>
/// <param name="Underlying">The asset lent and borrowed; also the market's id.</param>
/// <param name="CToken">The market-share asset ("c" + symbol, 8 decimals).</param>
/// <param name="InitialExchangeRate">Underlying per cToken while no cTokens exist: 0.02 × 10^(18 + decimals − 8), as Compound.</param>
/// <param name="TotalBorrows">Borrows outstanding, interest included as of the last accrual.</param>
/// <param name="TotalReserves">The protocol's part of the market's cash and borrows.</param>
/// <param name="BorrowIndex">Growth of one unit borrowed since the market opened (1e18 at the start).</param>
/// <param name="AccrualBlockNumber">The ledger height interest was last accrued at.</param>
/// <param name="Risk">The market's governed risk settings.</param>
public sealed record Market(
    AssetId Underlying,
    AssetId CToken,
    BigInteger InitialExchangeRate,
    BigInteger TotalBorrows,
    BigInteger TotalReserves,
    BigInteger BorrowIndex,
    ulong AccrualBlockNumber,
    MarketRisk Risk)
{
    /// <summary>The interest part of the state, as <see cref="CompoundV2Math.AccrueInterest"/> takes it.</summary>
    public MarketInterest Interest => new(TotalBorrows, TotalReserves, BorrowIndex);

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(400);
        writer.WriteU32(Underlying.Value);
        writer.WriteU32(CToken.Value);
        writer.WriteAmount(LendingMarkets.ToAmount(InitialExchangeRate));
        writer.WriteAmount(LendingMarkets.ToAmount(TotalBorrows));
        writer.WriteAmount(LendingMarkets.ToAmount(TotalReserves));
        writer.WriteAmount(LendingMarkets.ToAmount(BorrowIndex));
        writer.WriteU64(AccrualBlockNumber);
        Risk.Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static Market Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var market = new Market(
            new AssetId(reader.ReadU32()), new AssetId(reader.ReadU32()), reader.ReadAmount().ToBigInteger(),
            reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(),
            reader.ReadU64(), MarketRisk.Read(ref reader));
        reader.ExpectEnd();
        return reader.Ok ? market : throw new InvalidOperationException($"stored lending market does not decode: {reader.Error}");
    }
}
