namespace Fairshare.Core.Crypto;

/// <summary>A raw 32-byte Ed25519 public key.</summary>
public sealed record PublicKey
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 32;

    private readonly byte[] _bytes;

    /// <summary>Wraps a copy of exactly 32 bytes.</summary>
    public PublicKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException("an Ed25519 public key is 32 bytes", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    /// <summary>The key bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The account address of this key.</summary>
    public Primitives.Address Address => Primitives.Address.FromPublicKey(_bytes);

    /// <summary>Parses 64 hex digits.</summary>
    public static bool TryParse(string? hex, out PublicKey? key)
    {
        key = null;
        if (hex is null || hex.Length != Size * 2) return false;
        try
        {
            key = new PublicKey(Convert.FromHexString(hex));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(PublicKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    /// <summary>Lowercase hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(_bytes);
}
