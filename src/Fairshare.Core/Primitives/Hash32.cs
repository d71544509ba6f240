using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Fairshare.Core.Primitives;

/// <summary>A 32-byte SHA-256 digest, compared and hashed as four big-endian words.</summary>
public readonly struct Hash32 : IEquatable<Hash32>, IComparable<Hash32>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _a, _b, _c, _d;

    private Hash32(ulong a, ulong b, ulong c, ulong d) => (_a, _b, _c, _d) = (a, b, c, d);

    /// <summary>The all-zero hash (used for "no previous block").</summary>
    public static Hash32 Zero => default;

    /// <summary>Reads exactly 32 bytes.</summary>
    public static Hash32 Read(ReadOnlySpan<byte> source)
    {
        if (source.Length != Size) throw new ArgumentException("a hash is 32 bytes", nameof(source));
        return new Hash32(
            BinaryPrimitives.ReadUInt64BigEndian(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[24..]));
    }

    /// <summary>SHA-256 of the data.</summary>
    public static Hash32 Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        SHA256.HashData(data, digest);
        return Read(digest);
    }

    /// <summary>Writes the 32 bytes into the destination.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 32 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>True for the all-zero hash.</summary>
    public bool IsZero => (_a | _b | _c | _d) == 0;

    /// <summary>Parses 64 lowercase or uppercase hex digits.</summary>
    public static bool TryParse(string? text, out Hash32 hash)
    {
        hash = default;
        if (text is null || text.Length != Size * 2) return false;
        try
        {
            hash = Read(Convert.FromHexString(text));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Lowercase hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(ToArray());

    /// <inheritdoc/>
    public bool Equals(Hash32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)(_a ^ (_a >> 32));

    /// <inheritdoc/>
    public int CompareTo(Hash32 other)
    {
        int c = _a.CompareTo(other._a);
        if (c != 0) return c;
        c = _b.CompareTo(other._b);
        if (c != 0) return c;
        c = _c.CompareTo(other._c);
        return c != 0 ? c : _d.CompareTo(other._d);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
