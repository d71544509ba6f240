using System.Numerics;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Primitives;

public sealed class AmountTests
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;
    private static readonly ulong[] EdgeLimbs = [0, 1, 2, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, (1UL << 63) - 1];

    /// <summary>Four limbs, each either random or an edge value, so carries and borrows across limbs are exercised.</summary>
    private static Amount Make(ulong a, ulong b, ulong c, ulong d, byte edges)
    {
        ulong Pick(ulong random, int bit) => (edges >> bit & 1) == 1 ? EdgeLimbs[random % (ulong)EdgeLimbs.Length] : random;
        ulong top = (edges & 0xC0) == 0xC0 ? 0 : Pick(d, 3);
        return new Amount(Pick(a, 0), Pick(b, 1), (edges & 0x30) == 0x30 ? 0 : Pick(c, 2), top);
    }

    [Property(MaxTest = 1000)]
    public bool Add_MatchesBigInteger(ulong a0, ulong a1, ulong a2, ulong a3, byte ea, ulong b0, ulong b1, ulong b2, ulong b3, byte eb)
    {
        var (a, b) = (Make(a0, a1, a2, a3, ea), Make(b0, b1, b2, b3, eb));
        var exact = a.ToBigInteger() + b.ToBigInteger();
        bool ok = Amount.TryAdd(a, b, out var sum);
        return ok == exact < Modulus && (!ok || sum.ToBigInteger() == exact);
    }

    [Property(MaxTest = 1000)]
    public bool Sub_MatchesBigInteger(ulong a0, ulong a1, ulong a2, ulong a3, byte ea, ulong b0, ulong b1, ulong b2, ulong b3, byte eb)
    {
        var (a, b) = (Make(a0, a1, a2, a3, ea), Make(b0, b1, b2, b3, eb));
        var exact = a.ToBigInteger() - b.ToBigInteger();
        bool ok = Amount.TrySub(a, b, out var difference);
        return ok == exact.Sign >= 0 && (!ok || difference.ToBigInteger() == exact);
    }

    [Property(MaxTest = 1000)]
    public bool Mul_MatchesBigInteger(ulong a0, ulong a1, ulong a2, ulong a3, byte ea, ulong b0, ulong b1, ulong b2, ulong b3, byte eb)
    {
        var (a, b) = (Make(a0, a1, a2, a3, ea), Make(b0, b1, b2, b3, eb));
        var exact = a.ToBigInteger() * b.ToBigInteger();
        bool ok = Amount.TryMul(a, b, out var product);
        return ok == exact < Modulus && (!ok || product.ToBigInteger() == exact);
    }

    [Property(MaxTest = 1000)]
    public bool DivMod_MatchBigInteger(ulong a0, ulong a1, ulong a2, ulong a3, byte ea, ulong b0, ulong b1, ulong b2, ulong b3, byte eb)
    {
        var (a, b) = (Make(a0, a1, a2, a3, ea), Make(b0, b1, b2, b3, eb));
        bool divOk = Amount.TryDiv(a, b, out var quotient);
        bool modOk = Amount.TryMod(a, b, out var remainder);
        if (b.IsZero) return !divOk && !modOk;
        return divOk && modOk && quotient.ToBigInteger() == a.ToBigInteger() / b.ToBigInteger()
            && remainder.ToBigInteger() == a.ToBigInteger() % b.ToBigInteger();
    }

    private static readonly uint[] EdgeDigits = [0, 1, 2, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, 0xFFFF_FFFE, 0xFFFF_FFFF];

    private static Amount FromDigitChoices(byte[] choices, int salt)
    {
        Span<uint> digits = stackalloc uint[8];
        for (int i = 0; i < 8 && i < choices.Length; i++)
            digits[i] = choices[i] % 9 == 8 ? (uint)(choices[i] * 2654435761u + (uint)salt) : EdgeDigits[choices[i] % 9];
        return new Amount(digits[0] | (ulong)digits[1] << 32, digits[2] | (ulong)digits[3] << 32, digits[4] | (ulong)digits[5] << 32, digits[6] | (ulong)digits[7] << 32);
    }

    /// <summary>Digits of 0, 1, 2^31 ± 1 and 2^32 − 1 are where long division corrects its quotient estimate or adds back.</summary>
    [Property(MaxTest = 3000)]
    public bool DivMod_MatchBigInteger_OnEdgeDigits(byte[] dividend, byte[] divisor, int salt)
    {
        var (a, b) = (FromDigitChoices(dividend, salt), FromDigitChoices(divisor, salt ^ 0x5bd1e995));
        if (b.IsZero) return !Amount.TryDiv(a, b, out _);
        Amount.TryDiv(a, b, out var quotient);
        Amount.TryMod(a, b, out var remainder);
        return quotient.ToBigInteger() == a.ToBigInteger() / b.ToBigInteger() && remainder.ToBigInteger() == a.ToBigInteger() % b.ToBigInteger();
    }

    [Property(MaxTest = 500)]
    public bool Compare_MatchesBigInteger(ulong a0, ulong a1, ulong a2, ulong a3, byte ea, ulong b0, ulong b1, ulong b2, ulong b3, byte eb)
    {
        var (a, b) = (Make(a0, a1, a2, a3, ea), Make(b0, b1, b2, b3, eb));
        return Math.Sign(a.CompareTo(b)) == a.ToBigInteger().CompareTo(b.ToBigInteger()) && (a == b) == (a.ToBigInteger() == b.ToBigInteger());
    }

    [Property(MaxTest = 500)]
    public bool TextAndBytes_RoundTrip(ulong a0, ulong a1, ulong a2, ulong a3, byte ea)
    {
        var a = Make(a0, a1, a2, a3, ea);
        Span<byte> full = stackalloc byte[32];
        a.WriteBigEndian(full);
        Span<byte> minimal = stackalloc byte[a.MinimalByteLength];
        a.WriteMinimalBigEndian(minimal);
        return Amount.TryParse(a.ToString(), out var parsed) && parsed == a
            && a.ToString() == a.ToBigInteger().ToString()
            && Amount.ReadBigEndian(full) == a
            && Amount.TryReadMinimalBigEndian(minimal, out var fromMinimal) && fromMinimal == a
            && (minimal.Length == 0 || minimal[0] != 0)
            && Amount.TryParseDecimal(a.ToDecimalString(18), 18, out var fromDecimal) && fromDecimal == a;
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData(" 1")]
    [InlineData("1e3")]
    [InlineData("1.5")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("1157920892373161954235709850086879078532699846656405640394575840079131296399350")]
    public void Parse_RejectsWhatIsNotACanonicalAmount(string text) => Assert.False(Amount.TryParse(text, out _));

    [Fact]
    public void Parse_AcceptsTheLargestValue()
    {
        Assert.True(Amount.TryParse("115792089237316195423570985008687907853269984665640564039457584007913129639935", out var max));
        Assert.Equal(Amount.MaxValue, max);
        Assert.True(Amount.TryParse("0", out var zero));
        Assert.True(zero.IsZero);
    }

    [Theory]
    [InlineData("1.5", 18, "1500000000000000000")]
    [InlineData("12", 18, "12000000000000000000")]
    [InlineData("0.000000000000000001", 18, "1")]
    [InlineData("0", 6, "0")]
    [InlineData("7", 0, "7")]
    public void ParseDecimal_ScalesByTheDecimals(string text, int decimals, string baseUnits)
    {
        Assert.True(Amount.TryParseDecimal(text, decimals, out var value));
        Assert.Equal(Amount.Parse(baseUnits), value);
        Assert.Equal(text, value.ToDecimalString(decimals));
    }

    [Theory]
    [InlineData("1.0000000000000000001", 18)]
    [InlineData(".5", 18)]
    [InlineData("5.", 18)]
    [InlineData("01.5", 18)]
    [InlineData("-1", 18)]
    [InlineData("1e3", 18)]
    [InlineData("1 000", 18)]
    [InlineData("", 18)]
    [InlineData("1.5", 0)]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936", 0)]
    public void ParseDecimal_Rejects(string text, int decimals) => Assert.False(Amount.TryParseDecimal(text, decimals, out _));

    [Fact]
    public void MinimalBytes_RejectLeadingZeroAndOverlength()
    {
        Assert.False(Amount.TryReadMinimalBigEndian([0, 1], out _));
        Assert.False(Amount.TryReadMinimalBigEndian(new byte[33], out _));
        Assert.True(Amount.TryReadMinimalBigEndian([], out var zero));
        Assert.True(zero.IsZero);
        Assert.Equal(32, Amount.MaxValue.MinimalByteLength);
        Assert.Equal(0, Amount.Zero.MinimalByteLength);
    }

    [Fact]
    public void Operators_ThrowWhereTryMethodsReportFalse()
    {
        Assert.Throws<OverflowException>(() => Amount.MaxValue + Amount.One);
        Assert.Throws<OverflowException>(() => Amount.Zero - Amount.One);
        Assert.Throws<OverflowException>(() => Amount.MaxValue * new Amount(2));
        Assert.Throws<DivideByZeroException>(() => Amount.One / Amount.Zero);
        Assert.False(Amount.TryFromBigInteger(BigInteger.MinusOne, out _));
        Assert.False(Amount.TryFromBigInteger(Modulus, out _));
        Assert.True(Amount.TryFromBigInteger(Modulus - 1, out var max) && max == Amount.MaxValue);
    }
}
