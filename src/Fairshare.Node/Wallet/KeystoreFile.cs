using System.Text.Json.Serialization;

namespace Fairshare.Node.Wallet;

/// <summary>
/// One encrypted key file, <c>&lt;dir&gt;/&lt;name&gt;.json</c>. The 32-byte Ed25519 seed is encrypted with
/// XChaCha20-Poly1305 under a key derived from the passphrase with Argon2id; the address (UTF-8) is the
/// associated data, so the file cannot be silently re-labelled with another address.
/// Serialized only through <see cref="KeystoreJsonContext"/>.
/// </summary>
public sealed record KeystoreFile
{
    /// <summary>The format version this program writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The only key derivation function of version 1.</summary>
    public const string KdfArgon2id = "argon2id";

    /// <summary>The only cipher of version 1.</summary>
    public const string CipherXChaCha20Poly1305 = "xchacha20poly1305";

    /// <summary>Format version; <see cref="CurrentVersion"/>.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The key name; equal to the file name without <c>.json</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The account address of the key, as the caller gave it.</summary>
    [JsonPropertyName("address")]
    public required string Address { get; init; }

    /// <summary>The 32-byte Ed25519 public key, lowercase hex.</summary>
    [JsonPropertyName("public_key")]
    public required string PublicKey { get; init; }

    /// <summary>Key derivation function; <see cref="KdfArgon2id"/>.</summary>
    [JsonPropertyName("kdf")]
    public required string Kdf { get; init; }

    /// <summary>Argon2id cost parameters.</summary>
    [JsonPropertyName("kdf_params")]
    public required KeystoreKdfParams KdfParams { get; init; }

    /// <summary>The 16-byte Argon2id salt, lowercase hex.</summary>
    [JsonPropertyName("salt")]
    public required string Salt { get; init; }

    /// <summary>Cipher; <see cref="CipherXChaCha20Poly1305"/>.</summary>
    [JsonPropertyName("cipher")]
    public required string Cipher { get; init; }

    /// <summary>The 24-byte XChaCha20-Poly1305 nonce, lowercase hex.</summary>
    [JsonPropertyName("nonce")]
    public required string Nonce { get; init; }

    /// <summary>The encrypted 32-byte seed followed by the 16-byte tag (48 bytes), lowercase hex.</summary>
    [JsonPropertyName("ciphertext")]
    public required string Ciphertext { get; init; }

    /// <summary>
    /// For a key made from a BIP-39 mnemonic (<c>keys new --mnemonic</c>, <c>keys recover</c>): the 24-byte
    /// XChaCha20-Poly1305 nonce of <see cref="MnemonicCiphertext"/>, lowercase hex; absent otherwise.
    /// </summary>
    [JsonPropertyName("mnemonic_nonce")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MnemonicNonce { get; init; }

    /// <summary>
    /// For a key made from a BIP-39 mnemonic: the mnemonic's entropy (16 to 32 bytes, a multiple of 4) encrypted under
    /// the same Argon2id key as the seed, with the address and <c>/mnemonic</c> as associated data, followed by the
    /// 16-byte tag, lowercase hex; absent otherwise. A program that does not know it ignores it and still opens the seed.
    /// </summary>
    [JsonPropertyName("mnemonic_ciphertext")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MnemonicCiphertext { get; init; }

    /// <summary>True when the file holds a mnemonic beside the seed.</summary>
    [JsonIgnore]
    public bool HasMnemonic => MnemonicCiphertext is not null;
}
