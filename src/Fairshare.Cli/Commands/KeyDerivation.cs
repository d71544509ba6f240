using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Fairshare.Cli.Commands;

/// <summary>
/// SLIP-0010 derivation of Ed25519 keys from a BIP-39 seed: HMAC-SHA512 keyed with <c>"ed25519 seed"</c> gives the
/// master key and chain code, and each hardened child is HMAC-SHA512(chain code, 0x00 ‖ key ‖ index + 2^31). Ed25519
/// has hardened children only. A wallet key made from a mnemonic is the key at <see cref="Path"/>.
/// </summary>
public static class KeyDerivation
{
    /// <summary>
    /// The coin type of <see cref="Path"/>: a number Fairshare uses without a SLIP-0044 registration. Fixed: another
    /// number would recover other keys from the same words.
    /// </summary>
    public const uint CoinType = 7337;

    /// <summary>The path of a wallet key, every level hardened (BIP-44's levels: purpose, coin, account, change, index).</summary>
    public const string Path = "m/44'/7337'/0'/0'/0'";

    /// <summary>The indices of <see cref="Path"/>, each to be hardened.</summary>
    public static IReadOnlyList<uint> PathIndices { get; } = [44, CoinType, 0, 0, 0];

    private const uint Hardened = 0x8000_0000;
    private static readonly byte[] Curve = Encoding.ASCII.GetBytes("ed25519 seed");

    /// <summary>The 32-byte Ed25519 seed (RFC 8032 private key) at <see cref="Path"/> of a BIP-39 seed.</summary>
    public static byte[] WalletKey(ReadOnlySpan<byte> bip39Seed)
    {
        var (key, chainCode) = Derive(bip39Seed, PathIndices);
        CryptographicOperations.ZeroMemory(chainCode);
        return key;
    }

    /// <summary>
    /// The private key and chain code at the hardened path <paramref name="indices"/> (each below 2^31; it is hardened
    /// here) from <paramref name="seed"/> (16 to 64 bytes). The empty path is the master key.
    /// </summary>
    public static (byte[] Key, byte[] ChainCode) Derive(ReadOnlySpan<byte> seed, IReadOnlyList<uint> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (seed.Length is < 16 or > 64) throw new ArgumentException("a SLIP-0010 seed is 16 to 64 bytes", nameof(seed));
        Span<byte> node = stackalloc byte[64];
        HMACSHA512.HashData(Curve, seed, node);
        Span<byte> data = stackalloc byte[1 + 32 + 4];
        Span<byte> chainCode = stackalloc byte[32];
        try
        {
            foreach (uint index in indices)
            {
                if (index >= Hardened) throw new ArgumentOutOfRangeException(nameof(indices), "give indices below 2^31; each is hardened");
                data[0] = 0;
                node[..32].CopyTo(data[1..33]);
                BinaryPrimitives.WriteUInt32BigEndian(data[33..], index | Hardened);
                node[32..].CopyTo(chainCode);
                HMACSHA512.HashData(chainCode, data, node);
            }

            return (node[..32].ToArray(), node[32..].ToArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(node);
            CryptographicOperations.ZeroMemory(data);
            CryptographicOperations.ZeroMemory(chainCode);
        }
    }
}
