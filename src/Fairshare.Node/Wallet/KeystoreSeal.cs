using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace Fairshare.Node.Wallet;

/// <summary>
/// The one place a 32-byte Ed25519 seed is sealed into a <see cref="KeystoreFile"/> (Argon2id, then
/// XChaCha20-Poly1305 with the address as associated data) and opened again, and where such a file's JSON is checked.
/// The wallet's <see cref="Keystore"/> and the validator's node key file both use it.
/// </summary>
internal static class KeystoreSeal
{
    /// <summary>The largest key file read.</summary>
    public const int MaxFileBytes = 64 * 1024;

    private const int MinMemoryKib = 8;
    private const int SaltSize = 16;
    private const int NonceSize = 24;
    private const int TagSize = 16;
    private const int PublicKeySize = 32;
    private const int MinMnemonicEntropy = 16;
    private const int MaxMnemonicEntropy = 32;

    private static readonly AeadAlgorithm Cipher = AeadAlgorithm.XChaCha20Poly1305;
    private static readonly SignatureAlgorithm Signature = SignatureAlgorithm.Ed25519;

    /// <summary>The Argon2id parameters a key file may carry (and a keystore may be given).</summary>
    public static bool KdfParamsInRange(KeystoreKdfParams p) =>
        p.MemoryKib is >= MinMemoryKib and <= Keystore.MaxMemoryKib
        && p.Iterations is >= 1 and <= Keystore.MaxIterations
        && p.Parallelism == 1;

    /// <summary>The accepted ranges, for an error message.</summary>
    public static string KdfParamsRange =>
        $"memory {MinMemoryKib}..{Keystore.MaxMemoryKib} KiB, iterations 1..{Keystore.MaxIterations}, parallelism 1";

    /// <summary>
    /// Checks what <see cref="Seal"/> is given before any costly work: throws when the seed is not 32 bytes, the
    /// address is empty, the passphrase is null, or the public key is not the 64-hex-digit public key of the seed.
    /// Returns the public key's bytes.
    /// </summary>
    public static byte[] CheckSeed(ReadOnlySpan<byte> privateSeed32, string address, string publicKeyHex, string passphrase)
    {
        if (privateSeed32.Length != Keystore.SeedSize)
            throw new ArgumentException($"an Ed25519 seed is {Keystore.SeedSize} bytes", nameof(privateSeed32));
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(publicKeyHex);
        ArgumentNullException.ThrowIfNull(passphrase);
        if (!TryDecodeHex(publicKeyHex, PublicKeySize, out byte[]? givenPublicKey))
            throw new ArgumentException($"the public key must be {PublicKeySize * 2} hex digits", nameof(publicKeyHex));
        if (!PublicKeyMatches(privateSeed32, givenPublicKey))
            throw new ArgumentException("the public key does not belong to the seed", nameof(publicKeyHex));
        return givenPublicKey;
    }

    /// <summary>
    /// Encrypts the seed under the passphrase with fresh salt and nonce; throws as <see cref="CheckSeed"/> does. A
    /// non-empty <paramref name="mnemonicEntropy"/> (the BIP-39 entropy the seed was derived from: 16 to 32 bytes, a
    /// multiple of 4) is sealed beside the seed under the same key, with its own nonce.
    /// </summary>
    public static KeystoreFile Seal(
        string name, ReadOnlySpan<byte> privateSeed32, string address, string publicKeyHex, string passphrase, KeystoreKdfParams kdfParams,
        ReadOnlySpan<byte> mnemonicEntropy = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(kdfParams);
        byte[] givenPublicKey = CheckSeed(privateSeed32, address, publicKeyHex, passphrase);
        if (!mnemonicEntropy.IsEmpty && !IsMnemonicEntropySize(mnemonicEntropy.Length))
            throw new ArgumentException($"BIP-39 entropy is {MinMnemonicEntropy} to {MaxMnemonicEntropy} bytes, a multiple of 4", nameof(mnemonicEntropy));

        byte[] salt = RandomNumberGenerator.GetBytes(SaltSize);
        byte[] nonce = RandomNumberGenerator.GetBytes(NonceSize);
        byte[]? mnemonicNonce = mnemonicEntropy.IsEmpty ? null : RandomNumberGenerator.GetBytes(NonceSize);
        byte[] ciphertext;
        byte[]? mnemonicCiphertext = null;
        using (Key key = DeriveKey(passphrase, salt, kdfParams))
        {
            ciphertext = Cipher.Encrypt(key, nonce, Encoding.UTF8.GetBytes(address), privateSeed32);
            if (mnemonicNonce is not null) mnemonicCiphertext = Cipher.Encrypt(key, mnemonicNonce, MnemonicData(address), mnemonicEntropy);
        }

        return new KeystoreFile
        {
            Version = KeystoreFile.CurrentVersion,
            Name = name,
            Address = address,
            PublicKey = Convert.ToHexStringLower(givenPublicKey),
            Kdf = KeystoreFile.KdfArgon2id,
            KdfParams = kdfParams,
            Salt = Convert.ToHexStringLower(salt),
            Cipher = KeystoreFile.CipherXChaCha20Poly1305,
            Nonce = Convert.ToHexStringLower(nonce),
            Ciphertext = Convert.ToHexStringLower(ciphertext),
            MnemonicNonce = mnemonicNonce is null ? null : Convert.ToHexStringLower(mnemonicNonce),
            MnemonicCiphertext = mnemonicCiphertext is null ? null : Convert.ToHexStringLower(mnemonicCiphertext),
        };
    }

    /// <summary>
    /// Decrypts a file <see cref="Parse"/> accepted: the 32-byte seed, which the caller owns and should zero. Fails
    /// with <see cref="KeystoreError.WrongPassphrase"/> when decryption fails (a wrong passphrase or a tampered file)
    /// or <see cref="KeystoreError.Malformed"/> when the stored public key is not the seed's. <paramref name="what"/>
    /// names the key in messages ("key 'alice'").
    /// </summary>
    public static KeystoreResult<byte[]> Unseal(KeystoreFile file, string passphrase, string path, string what)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(passphrase);

        // Parse has checked every field, so these decode.
        byte[] salt = Convert.FromHexString(file.Salt);
        byte[] nonce = Convert.FromHexString(file.Nonce);
        byte[] ciphertext = Convert.FromHexString(file.Ciphertext);
        byte[] publicKey = Convert.FromHexString(file.PublicKey);

        var seed = new byte[Keystore.SeedSize];
        bool opened;
        using (Key key = DeriveKey(passphrase, salt, file.KdfParams))
        {
            opened = Cipher.Decrypt(key, nonce, Encoding.UTF8.GetBytes(file.Address), ciphertext, seed);
        }

        if (!opened)
        {
            CryptographicOperations.ZeroMemory(seed);
            return Fail<byte[]>(KeystoreError.WrongPassphrase, $"the passphrase does not open {what} (or the file was altered)");
        }

        if (!PublicKeyMatches(seed, publicKey))
        {
            CryptographicOperations.ZeroMemory(seed);
            return Fail<byte[]>(KeystoreError.Malformed, $"key file {path}: public_key does not belong to the stored key");
        }

        return new KeystoreResult<byte[]>(seed, KeystoreError.None, null);
    }

    /// <summary>
    /// Decrypts the BIP-39 entropy of a file <see cref="Parse"/> accepted: the entropy, or an empty array when the file
    /// holds no mnemonic. Fails as <see cref="Unseal"/> does.
    /// </summary>
    public static KeystoreResult<byte[]> UnsealMnemonic(KeystoreFile file, string passphrase, string what)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(passphrase);
        if (file.MnemonicNonce is null || file.MnemonicCiphertext is null) return new KeystoreResult<byte[]>([], KeystoreError.None, null);

        byte[] salt = Convert.FromHexString(file.Salt);
        byte[] nonce = Convert.FromHexString(file.MnemonicNonce);
        byte[] ciphertext = Convert.FromHexString(file.MnemonicCiphertext);
        var entropy = new byte[ciphertext.Length - TagSize];
        bool opened;
        using (Key key = DeriveKey(passphrase, salt, file.KdfParams))
        {
            opened = Cipher.Decrypt(key, nonce, MnemonicData(file.Address), ciphertext, entropy);
        }

        if (opened) return new KeystoreResult<byte[]>(entropy, KeystoreError.None, null);
        CryptographicOperations.ZeroMemory(entropy);
        return Fail<byte[]>(KeystoreError.WrongPassphrase, $"the passphrase does not open {what} (or the file was altered)");
    }

    /// <summary>The file's JSON, as the keystore writes it (indented, snake_case).</summary>
    public static byte[] Serialize(KeystoreFile file) => JsonSerializer.SerializeToUtf8Bytes(file, KeystoreJsonContext.Default.KeystoreFile);

    /// <summary>
    /// Reads and checks a key file's bytes without decrypting them: <see cref="KeystoreError.UnsupportedVersion"/> or
    /// <see cref="KeystoreError.Malformed"/> on failure. With <paramref name="expectedName"/> the file's name must be it.
    /// </summary>
    public static KeystoreResult<KeystoreFile> Parse(byte[] bytes, string path, string? expectedName)
    {
        KeystoreResult<KeystoreFile> Malformed(string why) => Fail<KeystoreFile>(KeystoreError.Malformed, $"key file {path}: {why}");

        KeystoreFile? file;
        try
        {
            file = JsonSerializer.Deserialize(bytes, KeystoreJsonContext.Default.KeystoreFile);
        }
        catch (JsonException e)
        {
            // A later format may lack fields version 1 requires: report the version, not the damage.
            int? version = PeekVersion(bytes);
            if (version is int v && v != KeystoreFile.CurrentVersion)
                return Fail<KeystoreFile>(KeystoreError.UnsupportedVersion, $"key file {path}: unsupported version {v}");
            return Malformed($"not a valid key file ({e.Message})");
        }

        if (file is null) return Malformed("not a JSON object");
        if (file.Version != KeystoreFile.CurrentVersion)
            return Fail<KeystoreFile>(KeystoreError.UnsupportedVersion, $"key file {path}: unsupported version {file.Version}");
        if (expectedName is not null && file.Name != expectedName) return Malformed($"name '{file.Name}' does not match the file name");
        if (string.IsNullOrWhiteSpace(file.Address)) return Malformed("empty address");
        if (!TryDecodeHex(file.PublicKey, PublicKeySize, out _)) return Malformed($"public_key is not {PublicKeySize} bytes of hex");
        if (file.Kdf != KeystoreFile.KdfArgon2id) return Malformed($"unknown kdf '{file.Kdf}'");
        if (!KdfParamsInRange(file.KdfParams)) return Malformed("kdf_params out of the accepted range");
        if (!TryDecodeHex(file.Salt, SaltSize, out _)) return Malformed($"salt is not {SaltSize} bytes of hex");
        if (file.Cipher != KeystoreFile.CipherXChaCha20Poly1305) return Malformed($"unknown cipher '{file.Cipher}'");
        if (!TryDecodeHex(file.Nonce, NonceSize, out _)) return Malformed($"nonce is not {NonceSize} bytes of hex");
        if (!TryDecodeHex(file.Ciphertext, Keystore.SeedSize + TagSize, out _))
            return Malformed($"ciphertext is not {Keystore.SeedSize + TagSize} bytes of hex");
        if ((file.MnemonicNonce is null) != (file.MnemonicCiphertext is null))
            return Malformed("mnemonic_nonce and mnemonic_ciphertext come together");
        if (file.MnemonicNonce is not null && !TryDecodeHex(file.MnemonicNonce, NonceSize, out _))
            return Malformed($"mnemonic_nonce is not {NonceSize} bytes of hex");
        if (file.MnemonicCiphertext is { } sealedMnemonic
            && !(sealedMnemonic.Length % 2 == 0 && IsMnemonicEntropySize(sealedMnemonic.Length / 2 - TagSize)
                 && TryDecodeHex(sealedMnemonic, sealedMnemonic.Length / 2, out _)))
            return Malformed($"mnemonic_ciphertext is not {MinMnemonicEntropy}..{MaxMnemonicEntropy} bytes (a multiple of 4) and a tag, in hex");

        return new KeystoreResult<KeystoreFile>(file, KeystoreError.None, null);
    }

    /// <summary>True when the text is exactly <paramref name="size"/> bytes of hex.</summary>
    public static bool TryDecodeHex(string? hex, int size, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (hex is null || hex.Length != size * 2) return false;
        var buffer = new byte[size];
        if (Convert.FromHexString(hex, buffer, out _, out int written) != OperationStatus.Done || written != size)
            return false;
        bytes = buffer;
        return true;
    }

    private static KeystoreResult<T> Fail<T>(KeystoreError error, string? message) => new(default, error, message);

    private static bool IsMnemonicEntropySize(int length) => length is >= MinMnemonicEntropy and <= MaxMnemonicEntropy && length % 4 == 0;

    /// <summary>The mnemonic's associated data: the address and a label, so that it and the seed cannot stand in for each other.</summary>
    private static byte[] MnemonicData(string address) => Encoding.UTF8.GetBytes(address + "/mnemonic");

    private static int? PeekVersion(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out JsonElement version)
                && version.ValueKind == JsonValueKind.Number
                && version.TryGetInt32(out int value))
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Not JSON at all.
        }

        return null;
    }

    private static bool PublicKeyMatches(ReadOnlySpan<byte> seed, byte[] publicKey)
    {
        using Key key = Key.Import(Signature, seed, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(publicKey);
    }

    private static Key DeriveKey(string passphrase, byte[] salt, KeystoreKdfParams p)
    {
        var kdf = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = p.Parallelism,
            MemorySize = p.MemoryKib,
            NumberOfPasses = p.Iterations,
        });

        byte[] password = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            // The derived key stays inside NSec (libsodium memory) and is never exported.
            return kdf.DeriveKey(password, salt, Cipher);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }
}
