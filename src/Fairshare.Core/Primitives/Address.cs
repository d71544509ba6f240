using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Fairshare.Core.Primitives;

/// <summary>
/// An account address: the first 20 bytes of SHA-256 of an Ed25519 public key (or of a module name).
/// Text form: <c>fs1</c> + 40 lowercase hex digits + 8 hex digits of checksum
/// (the first 4 bytes of SHA-256 of the 20 address bytes).
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 20;

    /// <summary>The text prefix.</summary>
    public const string Prefix = "fs1";

    /// <summary>Length of the text form.</summary>
    public const int TextLength = 3 + Size * 2 + 8;

    private readonly ulong _a, _b;
    private readonly uint _c;

    private Address(ulong a, ulong b, uint c) => (_a, _b, _c) = (a, b, c);

    /// <summary>Reads exactly 20 bytes.</summary>
    public static Address Read(ReadOnlySpan<byte> source)
    {
        if (source.Length != Size) throw new ArgumentException("an address is 20 bytes", nameof(source));
        return new Address(
            BinaryPrimitives.ReadUInt64BigEndian(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]));
    }

    /// <summary>The address of an Ed25519 public key.</summary>
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(publicKey, digest);
        return Read(digest[..Size]);
    }

    /// <summary>The keyless address of a protocol module (treasury, vesting escrow, ...).</summary>
    public static Address ForModule(string moduleName)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("fairshare/module/" + moduleName), digest);
        return Read(digest[..Size]);
    }

    /// <summary>Writes the 20 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _c);
    }

    /// <summary>The 20 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The first two bytes, used to pick a commitment bucket.</summary>
    public int Prefix16 => (int)(_a >> 48);

    /// <summary>Parses the checksummed text form.</summary>
    public static AddressParseError TryParse(string? text, out Address address)
    {
        address = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal)) return AddressParseError.BadPrefix;
        if (text.Length != TextLength) return AddressParseError.BadLength;
        byte[] bytes;
        byte[] checksum;
        try
        {
            bytes = Convert.FromHexString(text.AsSpan(3, Size * 2));
            checksum = Convert.FromHexString(text.AsSpan(3 + Size * 2, 8));
        }
        catch (FormatException)
        {
            return AddressParseError.BadHex;
        }

        var candidate = Read(bytes);
        if (!candidate.ToString().Equals(text, StringComparison.OrdinalIgnoreCase) || !checksum.AsSpan().SequenceEqual(candidate.Checksum()))
            return AddressParseError.BadChecksum;
        address = candidate;
        return AddressParseError.None;
    }

    /// <summary>Parses the text form or throws <see cref="FormatException"/>.</summary>
    public static Address Parse(string text)
    {
        var error = TryParse(text, out var address);
        return error == AddressParseError.None ? address : throw new FormatException($"'{text}' is not a Fairshare address ({error})");
    }

    private byte[] Checksum()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(ToArray(), digest);
        return digest[..4].ToArray();
    }

    /// <summary>The checksummed text form.</summary>
    public override string ToString() =>
        Prefix + Convert.ToHexStringLower(ToArray()) + Convert.ToHexStringLower(Checksum());

    /// <inheritdoc/>
    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)(_b ^ (_b >> 32)) ^ (int)_c;

    /// <inheritdoc/>
    public int CompareTo(Address other)
    {
        int c = _a.CompareTo(other._a);
        if (c != 0) return c;
        c = _b.CompareTo(other._b);
        return c != 0 ? c : _c.CompareTo(other._c);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
