using System.Numerics;

namespace Fairshare.Core.Primitives;

/// <summary>
/// A 256-bit unsigned integer of token base units. Arithmetic is checked: the <c>Try</c> methods report overflow,
/// underflow and division by zero as <c>false</c>; the operators throw, for paths where overflow is a bug.
/// </summary>
public readonly struct Amount : IEquatable<Amount>, IComparable<Amount>
{
    /// <summary>Zero.</summary>
    public static readonly Amount Zero;

    /// <summary>One base unit.</summary>
    public static readonly Amount One = new(1);

    /// <summary>2^256 − 1.</summary>
    public static readonly Amount MaxValue = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    private static readonly BigInteger Modulus = BigInteger.One << 256;

    /// <summary>From a 64-bit value.</summary>
    public Amount(ulong value) => (U0, U1, U2, U3) = (value, 0, 0, 0);

    /// <summary>From four limbs, least significant first.</summary>
    public Amount(ulong u0, ulong u1, ulong u2, ulong u3) => (U0, U1, U2, U3) = (u0, u1, u2, u3);

    /// <summary>Bits 0–63.</summary>
    public ulong U0 { get; }

    /// <summary>Bits 64–127.</summary>
    public ulong U1 { get; }

    /// <summary>Bits 128–191.</summary>
    public ulong U2 { get; }

    /// <summary>Bits 192–255.</summary>
    public ulong U3 { get; }

    /// <summary>True for zero.</summary>
    public bool IsZero => (U0 | U1 | U2 | U3) == 0;

    /// <summary>a + b; false when the sum reaches 2^256.</summary>
    public static bool TryAdd(in Amount a, in Amount b, out Amount result)
    {
        ulong r0 = a.U0 + b.U0;
        ulong c = r0 < a.U0 ? 1UL : 0UL;
        ulong r1 = a.U1 + b.U1;
        ulong c1 = r1 < a.U1 ? 1UL : 0UL;
        r1 += c;
        c = c1 | (r1 < c ? 1UL : 0UL);
        ulong r2 = a.U2 + b.U2;
        ulong c2 = r2 < a.U2 ? 1UL : 0UL;
        r2 += c;
        c = c2 | (r2 < c ? 1UL : 0UL);
        ulong r3 = a.U3 + b.U3;
        ulong c3 = r3 < a.U3 ? 1UL : 0UL;
        r3 += c;
        c = c3 | (r3 < c ? 1UL : 0UL);
        if (c != 0)
        {
            result = default;
            return false;
        }

        result = new Amount(r0, r1, r2, r3);
        return true;
    }

    /// <summary>a − b; false when b &gt; a.</summary>
    public static bool TrySub(in Amount a, in Amount b, out Amount result)
    {
        if (a < b)
        {
            result = default;
            return false;
        }

        ulong r0 = a.U0 - b.U0;
        ulong borrow = a.U0 < b.U0 ? 1UL : 0UL;
        ulong r1 = a.U1 - b.U1 - borrow;
        borrow = a.U1 < b.U1 || (a.U1 == b.U1 && borrow == 1) ? 1UL : 0UL;
        ulong r2 = a.U2 - b.U2 - borrow;
        borrow = a.U2 < b.U2 || (a.U2 == b.U2 && borrow == 1) ? 1UL : 0UL;
        ulong r3 = a.U3 - b.U3 - borrow;
        result = new Amount(r0, r1, r2, r3);
        return true;
    }

    /// <summary>a × b; false when the product reaches 2^256.</summary>
    public static bool TryMul(in Amount a, in Amount b, out Amount result)
    {
        if ((a.U1 | a.U2 | a.U3 | b.U1 | b.U2 | b.U3) == 0)
        {
            UInt128 p = (UInt128)a.U0 * b.U0;
            result = new Amount((ulong)p, (ulong)(p >> 64), 0, 0);
            return true;
        }

        Span<ulong> x = [a.U0, a.U1, a.U2, a.U3];
        Span<ulong> y = [b.U0, b.U1, b.U2, b.U3];
        Span<ulong> r = stackalloc ulong[8];
        r.Clear();
        for (int i = 0; i < 4; i++)
        {
            if (x[i] == 0) continue;
            UInt128 carry = 0;
            for (int j = 0; j < 4; j++)
            {
                UInt128 t = (UInt128)x[i] * y[j] + r[i + j] + carry;
                r[i + j] = (ulong)t;
                carry = t >> 64;
            }

            r[i + 4] = (ulong)carry;
        }

        if ((r[4] | r[5] | r[6] | r[7]) != 0)
        {
            result = default;
            return false;
        }

        result = new Amount(r[0], r[1], r[2], r[3]);
        return true;
    }

    /// <summary>⌊a / b⌋; false when b is zero.</summary>
    public static bool TryDiv(in Amount a, in Amount b, out Amount quotient)
    {
        if (b.IsZero)
        {
            quotient = default;
            return false;
        }

        if ((a.U1 | a.U2 | a.U3 | b.U1 | b.U2 | b.U3) == 0)
        {
            quotient = new Amount(a.U0 / b.U0);
            return true;
        }

        quotient = DivRem(a, b, out _);
        return true;
    }

    /// <summary>a mod b; false when b is zero.</summary>
    public static bool TryMod(in Amount a, in Amount b, out Amount remainder)
    {
        if (b.IsZero)
        {
            remainder = default;
            return false;
        }

        DivRem(a, b, out remainder);
        return true;
    }

    /// <summary>
    /// Long division with 32-bit digits (Knuth, TAOCP vol. 2, 4.3.1, algorithm D): normalize so the divisor's top digit
    /// has its high bit set, estimate each quotient digit from the top two digits, correct it at most twice, multiply
    /// and subtract, and add back in the rare case the estimate was still one too large. <paramref name="b"/> ≠ 0.
    /// </summary>
    private static Amount DivRem(in Amount a, in Amount b, out Amount remainder)
    {
        Span<uint> u = stackalloc uint[9];
        Span<uint> v = stackalloc uint[8];
        Span<uint> q = stackalloc uint[8];
        ToDigits(a, u);
        ToDigits(b, v);
        int m = SignificantDigits(u[..8]);
        int n = SignificantDigits(v);
        if (m < n)
        {
            remainder = a;
            return Zero;
        }

        if (n == 1)
        {
            ulong divisor = v[0], rest = 0;
            for (int j = m - 1; j >= 0; j--)
            {
                ulong t = (rest << 32) | u[j];
                q[j] = (uint)(t / divisor);
                rest = t - q[j] * divisor;
            }

            remainder = new Amount(rest);
            return FromDigits(q);
        }

        int shift = System.Numerics.BitOperations.LeadingZeroCount(v[n - 1]);
        Span<uint> vn = stackalloc uint[8];
        for (int i = n - 1; i > 0; i--) vn[i] = (v[i] << shift) | (uint)((ulong)v[i - 1] >> (32 - shift));
        vn[0] = v[0] << shift;
        Span<uint> un = stackalloc uint[9];
        un[m] = (uint)((ulong)u[m - 1] >> (32 - shift));
        for (int i = m - 1; i > 0; i--) un[i] = (u[i] << shift) | (uint)((ulong)u[i - 1] >> (32 - shift));
        un[0] = u[0] << shift;

        const ulong Base = 1UL << 32;
        for (int j = m - n; j >= 0; j--)
        {
            ulong top = ((ulong)un[j + n] << 32) | un[j + n - 1];
            ulong qhat = top / vn[n - 1];
            ulong rhat = top - qhat * vn[n - 1];
            while (qhat >= Base || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2]))
            {
                qhat--;
                rhat += vn[n - 1];
                if (rhat >= Base) break;
            }

            long borrow = 0, t;
            for (int i = 0; i < n; i++)
            {
                ulong product = qhat * vn[i];
                t = un[i + j] - borrow - (long)(product & 0xFFFF_FFFF);
                un[i + j] = (uint)t;
                borrow = (long)(product >> 32) - (t >> 32);
            }

            t = un[j + n] - borrow;
            un[j + n] = (uint)t;
            q[j] = (uint)qhat;
            if (t < 0)
            {
                q[j]--;
                long carry = 0;
                for (int i = 0; i < n; i++)
                {
                    t = (long)un[i + j] + vn[i] + carry;
                    un[i + j] = (uint)t;
                    carry = t >> 32;
                }

                un[j + n] = (uint)(un[j + n] + carry);
            }
        }

        Span<uint> r = stackalloc uint[8];
        for (int i = 0; i < n; i++) r[i] = (un[i] >> shift) | (uint)((ulong)un[i + 1] << (32 - shift));
        remainder = FromDigits(r);
        return FromDigits(q);
    }

    private static void ToDigits(in Amount x, Span<uint> digits)
    {
        (digits[0], digits[1]) = ((uint)x.U0, (uint)(x.U0 >> 32));
        (digits[2], digits[3]) = ((uint)x.U1, (uint)(x.U1 >> 32));
        (digits[4], digits[5]) = ((uint)x.U2, (uint)(x.U2 >> 32));
        (digits[6], digits[7]) = ((uint)x.U3, (uint)(x.U3 >> 32));
    }

    private static Amount FromDigits(ReadOnlySpan<uint> d) => new(
        d[0] | (ulong)d[1] << 32, d[2] | (ulong)d[3] << 32, d[4] | (ulong)d[5] << 32, d[6] | (ulong)d[7] << 32);

    private static int SignificantDigits(ReadOnlySpan<uint> digits)
    {
        int count = digits.Length;
        while (count > 0 && digits[count - 1] == 0) count--;
        return count;
    }

    /// <summary>Checked sum; throws <see cref="OverflowException"/>.</summary>
    public static Amount operator +(Amount a, Amount b) => TryAdd(a, b, out var r) ? r : throw new OverflowException("amount overflow");

    /// <summary>Checked difference; throws <see cref="OverflowException"/>.</summary>
    public static Amount operator -(Amount a, Amount b) => TrySub(a, b, out var r) ? r : throw new OverflowException("amount underflow");

    /// <summary>Checked product; throws <see cref="OverflowException"/>.</summary>
    public static Amount operator *(Amount a, Amount b) => TryMul(a, b, out var r) ? r : throw new OverflowException("amount overflow");

    /// <summary>Floor division; throws <see cref="DivideByZeroException"/>.</summary>
    public static Amount operator /(Amount a, Amount b) => TryDiv(a, b, out var r) ? r : throw new DivideByZeroException();

    /// <summary>Widening conversion.</summary>
    public static implicit operator Amount(ulong value) => new(value);

    /// <summary>Equality.</summary>
    public static bool operator ==(Amount a, Amount b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Amount a, Amount b) => !a.Equals(b);

    /// <summary>Less than.</summary>
    public static bool operator <(Amount a, Amount b) => a.CompareTo(b) < 0;

    /// <summary>Greater than.</summary>
    public static bool operator >(Amount a, Amount b) => a.CompareTo(b) > 0;

    /// <summary>At most.</summary>
    public static bool operator <=(Amount a, Amount b) => a.CompareTo(b) <= 0;

    /// <summary>At least.</summary>
    public static bool operator >=(Amount a, Amount b) => a.CompareTo(b) >= 0;

    /// <inheritdoc/>
    public int CompareTo(Amount other)
    {
        if (U3 != other.U3) return U3 < other.U3 ? -1 : 1;
        if (U2 != other.U2) return U2 < other.U2 ? -1 : 1;
        if (U1 != other.U1) return U1 < other.U1 ? -1 : 1;
        if (U0 != other.U0) return U0 < other.U0 ? -1 : 1;
        return 0;
    }

    /// <inheritdoc/>
    public bool Equals(Amount other) => U0 == other.U0 && U1 == other.U1 && U2 == other.U2 && U3 == other.U3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Amount other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    /// <summary>The value as a 64-bit integer when it fits.</summary>
    public bool TryToUInt64(out ulong value)
    {
        value = U0;
        return (U1 | U2 | U3) == 0;
    }

    /// <summary>Converts when 0 ≤ value &lt; 2^256.</summary>
    public static bool TryFromBigInteger(BigInteger value, out Amount result)
    {
        if (value.Sign < 0 || value >= Modulus)
        {
            result = default;
            return false;
        }

        result = FromBigIntegerUnchecked(value);
        return true;
    }

    private static Amount FromBigIntegerUnchecked(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: true);
        int length = value.GetByteCount(isUnsigned: true);
        Span<byte> aligned = stackalloc byte[32];
        aligned.Clear();
        bytes[..length].CopyTo(aligned[(32 - length)..]);
        return ReadBigEndian(aligned);
    }

    /// <summary>The value as a <see cref="BigInteger"/>.</summary>
    public BigInteger ToBigInteger()
    {
        if ((U2 | U3) == 0) return new UInt128(U1, U0);
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Writes 32 bytes, big-endian.</summary>
    public void WriteBigEndian(Span<byte> destination)
    {
        if (destination.Length < 32) throw new ArgumentException("need 32 bytes", nameof(destination));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, U3);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[8..], U2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[16..], U1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[24..], U0);
    }

    /// <summary>Reads exactly 32 bytes, big-endian.</summary>
    public static Amount ReadBigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length != 32) throw new ArgumentException("need 32 bytes", nameof(source));
        return new Amount(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(source[24..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(source[16..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(source[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(source));
    }

    /// <summary>Big-endian bytes without leading zeros (0 for zero, 32 for the largest values).</summary>
    public int MinimalByteLength
    {
        get
        {
            if (U3 != 0) return 24 + BytesOf(U3);
            if (U2 != 0) return 16 + BytesOf(U2);
            if (U1 != 0) return 8 + BytesOf(U1);
            return U0 != 0 ? BytesOf(U0) : 0;
        }
    }

    private static int BytesOf(ulong limb) => (64 - BitOperations.LeadingZeroCount(limb) + 7) / 8;

    /// <summary>Writes <see cref="MinimalByteLength"/> big-endian bytes.</summary>
    public void WriteMinimalBigEndian(Span<byte> destination)
    {
        int length = MinimalByteLength;
        Span<byte> full = stackalloc byte[32];
        WriteBigEndian(full);
        full[(32 - length)..].CopyTo(destination);
    }

    /// <summary>Reads minimal big-endian bytes; false for more than 32 bytes or a leading zero byte.</summary>
    public static bool TryReadMinimalBigEndian(ReadOnlySpan<byte> source, out Amount value)
    {
        value = default;
        if (source.Length > 32 || (source.Length > 0 && source[0] == 0)) return false;
        Span<byte> full = stackalloc byte[32];
        full.Clear();
        source.CopyTo(full[(32 - source.Length)..]);
        value = ReadBigEndian(full);
        return true;
    }

    /// <summary>Parses base-10 digits: no sign, no spaces, no leading zeros, below 2^256.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Amount value)
    {
        value = default;
        if (text.Length == 0 || text.Length > 78 || (text.Length > 1 && text[0] == '0')) return false;
        Amount result = Zero;
        Amount ten = new(10);
        foreach (char c in text)
        {
            if (c < '0' || c > '9') return false;
            // No out argument is also an in argument: Stryker clears out parameters on entry, which would clear the
            // aliased input too and make every mutation-testing run fail (scripts/mutation-preflight.py).
            if (!TryMul(result, ten, out var shifted) || !TryAdd(shifted, new Amount((ulong)(c - '0')), out result)) return false;
        }

        value = result;
        return true;
    }

    /// <summary>Parses base-10 digits or throws <see cref="FormatException"/>.</summary>
    public static Amount Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not an amount: base-10 digits below 2^256");

    /// <summary>Parses whole units with up to <paramref name="decimals"/> fraction digits ("1.5" → 1.5 × 10^decimals).</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, int decimals, out Amount value)
    {
        value = default;
        int dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.Length == 0 || (dot >= 0 && fraction.Length == 0) || fraction.Length > decimals) return false;
        Span<char> digits = stackalloc char[whole.Length + decimals];
        whole.CopyTo(digits);
        fraction.CopyTo(digits[whole.Length..]);
        digits[(whole.Length + fraction.Length)..].Fill('0');
        if (whole.Length > 1 && whole[0] == '0') return false;
        var trimmed = ((ReadOnlySpan<char>)digits).TrimStart('0');
        foreach (char c in digits)
        {
            if (c < '0' || c > '9') return false;
        }

        if (trimmed.Length == 0) return true;
        return TryParse(trimmed, out value);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if ((U1 | U2 | U3) == 0) return U0.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ToBigInteger().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whole units with trailing fraction zeros removed: "1.5", "12", "0.000000000000000001".</summary>
    public string ToDecimalString(int decimals) => DecimalFormat.Plain(ToBigInteger(), decimals);

    /// <summary>As <see cref="ToDecimalString"/>, the whole part grouped by threes: "1,000,000", "0.5" (<see cref="DecimalFormat"/>).</summary>
    public string ToGroupedString(int decimals) => DecimalFormat.Grouped(ToBigInteger(), decimals);
}
