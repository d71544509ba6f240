using System.Globalization;
using System.Numerics;

namespace Fairshare.Analytics.Concentration;

/// <summary>
/// An exact rational number over <see cref="BigInteger"/>, always in lowest terms with a positive denominator, so
/// equal values have equal fields. <c>default</c> is 0/1. Used for every metric that is rational for exact inputs.
/// </summary>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>
{
    /// <summary>0/1.</summary>
    public static readonly Fraction Zero;

    /// <summary>1/1.</summary>
    public static readonly Fraction One = new(BigInteger.One);

    /// <summary>1/2, the majority threshold of the Nakamoto coefficient.</summary>
    public static readonly Fraction Half = new(BigInteger.One, 2);

    /// <summary>1/3, the BFT liveness threshold of the Nakamoto coefficient.</summary>
    public static readonly Fraction Third = new(BigInteger.One, 3);

    // A double's significand, with its hidden bit.
    private const int SignificandBits = 53;

    private readonly BigInteger _denominator;

    /// <summary>An integer.</summary>
    public Fraction(BigInteger value) => (Numerator, _denominator) = (value, BigInteger.One);

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, reduced to lowest terms.</summary>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("a fraction's denominator must not be zero");
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        (Numerator, _denominator) = gcd.IsOne ? (numerator, denominator) : (numerator / gcd, denominator / gcd);
    }

    /// <summary>The numerator, in lowest terms; carries the sign.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, in lowest terms; always positive.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    /// <summary>−1, 0 or 1.</summary>
    public int Sign => Numerator.Sign;

    /// <summary>True for 0.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>a + b.</summary>
    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>a − b.</summary>
    public static Fraction operator -(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>−a.</summary>
    public static Fraction operator -(Fraction a) => new(-a.Numerator, a.Denominator);

    /// <summary>a · b.</summary>
    public static Fraction operator *(Fraction a, Fraction b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>a / b.</summary>
    /// <exception cref="DivideByZeroException">b is zero.</exception>
    public static Fraction operator /(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>An integer as a fraction.</summary>
    public static implicit operator Fraction(BigInteger value) => new(value);

    /// <summary>An integer as a fraction.</summary>
    public static implicit operator Fraction(long value) => new(value);

    /// <summary>Equal values.</summary>
    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);

    /// <summary>Different values.</summary>
    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    /// <summary>a &lt; b.</summary>
    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    /// <summary>a &gt; b.</summary>
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    /// <summary>a ≤ b.</summary>
    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    /// <summary>a ≥ b.</summary>
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// The nearest double (ties to even), even when the numerator and denominator are each far too large for a double:
    /// the quotient is taken exactly in integers, to 53 bits and a remainder, before anything becomes floating point.
    /// (Results below 2.2·10⁻³⁰⁸, in the subnormal range, may round twice; no metric comes near it.)
    /// </summary>
    public double ToDouble() => ToDouble(Numerator, Denominator);

    /// <summary>numerator / denominator (denominator positive) as <see cref="ToDouble()"/> does it, without reducing
    /// to lowest terms first.</summary>
    internal static double ToDouble(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero) return 0d;
        var magnitude = BigInteger.Abs(numerator);
        // Scale by 2^shift so the integer quotient has exactly 53 bits: 2^52 ≤ q < 2^53.
        long shift = SignificandBits - (magnitude.GetBitLength() - denominator.GetBitLength());
        var (quotient, remainder, divisor) = Divide(magnitude, denominator, shift);
        if (quotient.GetBitLength() > SignificandBits) (quotient, remainder, divisor) = Divide(magnitude, denominator, --shift);
        int half = (2 * remainder).CompareTo(divisor);
        if (half > 0 || (half == 0 && !quotient.IsEven)) quotient += 1;
        return numerator.Sign * Math.ScaleB((double)(ulong)quotient, (int)-shift);
    }

    /// <summary>Reads <c>"a/b"</c> or an integer <c>"a"</c> (optional leading '-'; no spaces).</summary>
    public static bool TryParse(string? text, out Fraction value)
    {
        value = Zero;
        if (string.IsNullOrEmpty(text)) return false;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        string numeratorText = slash < 0 ? text : text[..slash];
        string denominatorText = slash < 0 ? "1" : text[(slash + 1)..];
        if (!TryParseInteger(numeratorText, out var numerator)
            || !TryParseInteger(denominatorText, out var denominator)
            || denominator.Sign <= 0)
            return false;
        value = new Fraction(numerator, denominator);
        return true;
    }

    /// <summary>Reads <c>"a/b"</c> or <c>"a"</c>; for constants in code and tests.</summary>
    /// <exception cref="FormatException">Not of that form, or a zero denominator.</exception>
    public static Fraction Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a fraction a/b");

    /// <inheritdoc/>
    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <inheritdoc/>
    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary><c>"a/b"</c>, or <c>"a"</c> for an integer.</summary>
    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    // (m·2^shift) / d as quotient and remainder over the divisor actually used (d·2^−shift when shift is negative).
    private static (BigInteger Quotient, BigInteger Remainder, BigInteger Divisor) Divide(BigInteger m, BigInteger d, long shift)
    {
        var (dividend, divisor) = shift >= 0 ? (m << (int)shift, d) : (m, d << (int)-shift);
        var quotient = BigInteger.DivRem(dividend, divisor, out var remainder);
        return (quotient, remainder, divisor);
    }

    private static bool TryParseInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        string digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        value = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return true;
    }
}
