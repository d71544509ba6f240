using System.Numerics;
using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// An account's borrow in one market: Compound's snapshot (principal with interest as of <see cref="InterestIndex"/>),
/// and the part of it that was lent out and not yet paid back, without interest. The difference is interest owed, so
/// a repayment can tag what pays interest apart from what returns principal. Always <c>Lent ≤ Principal</c>.
/// </summary>
/// <param name="Principal">Compound's <c>principal</c>: the balance at the last change, interest included.</param>
/// <param name="InterestIndex">The market's borrow index at the last change.</param>
/// <param name="Lent">Borrowed amounts less the principal repaid (interest excluded).</param>
public sealed record AccountBorrow(BigInteger Principal, BigInteger InterestIndex, BigInteger Lent)
{
    /// <summary>No borrow.</summary>
    public static AccountBorrow None { get; } = new(BigInteger.Zero, BigInteger.Zero, BigInteger.Zero);

    /// <summary>The snapshot the math reads.</summary>
    public BorrowSnapshot Snapshot => new(Principal, InterestIndex);

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(100);
        writer.WriteAmount(LendingMarkets.ToAmount(Principal));
        writer.WriteAmount(LendingMarkets.ToAmount(InterestIndex));
        writer.WriteAmount(LendingMarkets.ToAmount(Lent));
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static AccountBorrow Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var borrow = new AccountBorrow(reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger(), reader.ReadAmount().ToBigInteger());
        reader.ExpectEnd();
        return reader.Ok ? borrow : throw new InvalidOperationException($"stored lending borrow does not decode: {reader.Error}");
    }
}
