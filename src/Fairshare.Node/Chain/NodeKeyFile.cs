using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fairshare.Core.Crypto;
using Fairshare.Node.Wallet;

namespace Fairshare.Node.Chain;

/// <summary>
/// Reads and writes a validator's key file, created with mode 0600 from its first byte. Two forms, told apart by the
/// content: plain, <c>{"public_key": hex, "seed": hex}</c>; or encrypted, a <see cref="KeystoreFile"/> (a
/// <c>ciphertext</c> member; named <see cref="EncryptedName"/>, with the validator's address as associated data)
/// sealed exactly as the wallet's keystore seals its keys: Argon2id, then XChaCha20-Poly1305.
/// </summary>
public static class NodeKeyFile
{
    /// <summary>The <c>name</c> an encrypted node key file is written with (any key name is read).</summary>
    public const string EncryptedName = "node_key";

    /// <summary>The <see cref="UserFacingException.Code"/> of <see cref="Unlock"/> when the file is encrypted and no passphrase was given.</summary>
    public const string LockedCode = "node_key_locked";

    /// <summary>The <see cref="UserFacingException.Code"/> of <see cref="Unlock"/> when the passphrase does not open the file (or it was altered).</summary>
    public const string WrongPassphraseCode = "node_key_wrong_passphrase";

    /// <summary>The <see cref="UserFacingException.Code"/> of <see cref="Unlock"/> when the file is damaged or of an unknown version.</summary>
    public const string InvalidCode = "node_key_invalid";

    /// <summary>The <see cref="UserFacingException.Code"/> of <see cref="Unlock"/> when there is no file.</summary>
    public const string MissingCode = "node_key_missing";

    private const string CiphertextMember = "ciphertext";
    private const string SeedMember = "seed";

    /// <summary>Writes the key in plain form; refuses to overwrite (<see cref="IOException"/>).</summary>
    public static void Write(string path, KeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var json = new JsonObject
        {
            ["public_key"] = key.PublicKey.ToString(),
            [SeedMember] = Convert.ToHexStringLower(key.ExportSeed()),
        };
        // Created with mode 0600 (not chmod-ed after): no moment in which another user could open it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(json.ToJsonString());
    }

    /// <summary>
    /// Writes the key encrypted under the passphrase with the keystore's normal cost (<see cref="KeystoreKdfParams.Default"/>),
    /// atomically and with mode 0600 from the first byte; refuses to overwrite (<see cref="IOException"/>) or an empty passphrase.
    /// </summary>
    public static void WriteEncrypted(string path, KeyPair key, string passphrase) =>
        WriteEncrypted(path, key, passphrase, KeystoreKdfParams.Default);

    /// <summary>As <see cref="WriteEncrypted(string, KeyPair, string)"/>, with the given Argon2id parameters (tests use cheap ones).</summary>
    public static void WriteEncrypted(string path, KeyPair key, string passphrase, KeystoreKdfParams kdfParams)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(key);
        if (File.Exists(path)) throw new IOException($"{path} already exists; a node key is never overwritten");
        byte[] contents = KeystoreSeal.Serialize(Seal(key, passphrase, kdfParams));
        if (!PrivateFile.TryWriteNew(path, contents)) throw new IOException($"{path} already exists; a node key is never overwritten");
    }

    /// <summary>
    /// True when the file is an encrypted node key (it has a <c>ciphertext</c> member), false when it is anything else
    /// (a plain key, or not a key at all). Throws when it cannot be read.
    /// </summary>
    public static bool IsEncrypted(string path) => IsEncryptedContent(File.ReadAllBytes(path));

    /// <summary>
    /// Reads a plain key, or throws: <see cref="FileNotFoundException"/> when there is none,
    /// <see cref="InvalidDataException"/> with the reason when it is damaged or encrypted (use <see cref="Open"/>).
    /// </summary>
    public static KeyPair Read(string path)
    {
        var opened = Open(path, passphrase: null);
        if (opened.IsOk) return opened.Value;
        throw opened.Error switch
        {
            KeystoreError.NotFound => new FileNotFoundException(opened.Message, path),
            _ => new InvalidDataException(opened.Message),
        };
    }

    /// <summary>
    /// Opens the key in either form. <paramref name="passphrase"/> is asked only when the file is encrypted (null, or a
    /// null answer: <see cref="KeystoreError.PassphraseRequired"/>). Fails with <see cref="KeystoreError.NotFound"/>,
    /// <see cref="KeystoreError.Malformed"/>, <see cref="KeystoreError.UnsupportedVersion"/>, or
    /// <see cref="KeystoreError.WrongPassphrase"/> (a wrong passphrase or an altered file); no key comes back then.
    /// I/O errors other than a missing file throw.
    /// </summary>
    public static KeystoreResult<KeyPair> Open(string path, Func<string?>? passphrase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > KeystoreSeal.MaxFileBytes)
                return Fail(KeystoreError.Malformed, $"{path} is not a valid node key file: larger than {KeystoreSeal.MaxFileBytes} bytes");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(KeystoreError.NotFound, $"no node key file at {path}");
        }

        return IsEncryptedContent(bytes) ? OpenEncrypted(path, bytes, passphrase) : OpenPlain(path, bytes);
    }

    /// <summary>
    /// <see cref="Open"/>, throwing a <see cref="UserFacingException"/> on failure with <see cref="LockedCode"/>,
    /// <see cref="WrongPassphraseCode"/>, <see cref="InvalidCode"/> or <see cref="MissingCode"/>.
    /// </summary>
    public static KeyPair Unlock(string path, Func<string?>? passphrase)
    {
        var opened = Open(path, passphrase);
        if (opened.IsOk) return opened.Value;
        string code = opened.Error switch
        {
            KeystoreError.PassphraseRequired => LockedCode,
            KeystoreError.WrongPassphrase => WrongPassphraseCode,
            KeystoreError.NotFound => MissingCode,
            _ => InvalidCode,
        };
        throw new UserFacingException(code, opened.Message ?? opened.Error.ToString());
    }

    /// <summary>
    /// Encrypts a plain key file in place with the keystore's normal cost: the encrypted file is written beside it with
    /// mode 0600 from the first byte, flushed, then renamed over it. Fails with <see cref="KeystoreError.AlreadyEncrypted"/>
    /// (the file is left as it was) or the errors of <see cref="Open"/>; throws on an empty passphrase.
    /// </summary>
    public static KeystoreResult<KeystoreFile> Encrypt(string path, string passphrase) => Encrypt(path, passphrase, KeystoreKdfParams.Default);

    /// <summary>As <see cref="Encrypt(string, string)"/>, with the given Argon2id parameters (tests use cheap ones).</summary>
    public static KeystoreResult<KeystoreFile> Encrypt(string path, string passphrase, KeystoreKdfParams kdfParams)
    {
        CheckPassphrase(passphrase, kdfParams);
        var opened = Open(path, passphrase: null);
        if (opened.Error == KeystoreError.PassphraseRequired)
            return new(default, KeystoreError.AlreadyEncrypted, $"the node key {path} is encrypted already; it was left as it was");
        if (!opened.IsOk) return new(default, opened.Error, opened.Message);

        using KeyPair key = opened.Value;
        KeystoreFile file = Seal(key, passphrase, kdfParams);
        PrivateFile.Replace(path, KeystoreSeal.Serialize(file));
        return new(file, KeystoreError.None, null);
    }

    private static KeystoreResult<KeyPair> Fail(KeystoreError error, string message) => new(default, error, message);

    private static void CheckPassphrase(string passphrase, KeystoreKdfParams kdfParams)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(kdfParams);
        if (passphrase.Length == 0) throw new ArgumentException("an empty passphrase protects nothing", nameof(passphrase));
        if (!KeystoreSeal.KdfParamsInRange(kdfParams))
            throw new ArgumentOutOfRangeException(nameof(kdfParams), $"Argon2id parameters must be {KeystoreSeal.KdfParamsRange}");
    }

    private static KeystoreFile Seal(KeyPair key, string passphrase, KeystoreKdfParams kdfParams)
    {
        CheckPassphrase(passphrase, kdfParams);
        byte[] seed = key.ExportSeed();
        try
        {
            return KeystoreSeal.Seal(EncryptedName, seed, key.Address.ToString(), key.PublicKey.ToString(), passphrase, kdfParams);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static bool IsEncryptedContent(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(CiphertextMember, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static KeystoreResult<KeyPair> OpenEncrypted(string path, byte[] bytes, Func<string?>? passphrase)
    {
        using (var document = JsonDocument.Parse(bytes))
        {
            // An encrypted file that still carries the plain seed protects nothing: refuse it rather than trust either half.
            if (document.RootElement.TryGetProperty(SeedMember, out _))
                return Fail(KeystoreError.Malformed, $"{path} is not a valid node key file: it holds both a ciphertext and a plain seed");
        }

        var parsed = KeystoreSeal.Parse(bytes, path, expectedName: null);
        if (!parsed.IsOk) return Fail(parsed.Error, parsed.Message ?? parsed.Error.ToString());
        KeystoreFile file = parsed.Value;

        string? given = passphrase?.Invoke();
        if (given is null)
            return Fail(KeystoreError.PassphraseRequired, $"the node key {path} is encrypted and no passphrase was given");

        var unsealed = KeystoreSeal.Unseal(file, given, path, $"the node key {path}");
        if (!unsealed.IsOk) return Fail(unsealed.Error, unsealed.Message ?? unsealed.Error.ToString());
        KeyPair key;
        try
        {
            key = KeyPair.FromSeed(unsealed.Value);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(unsealed.Value);
        }

        if (key.Address.ToString() != file.Address)
        {
            key.Dispose();
            return Fail(KeystoreError.Malformed, $"key file {path}: address does not belong to the stored key");
        }

        return new KeystoreResult<KeyPair>(key, KeystoreError.None, null);
    }

    private static KeystoreResult<KeyPair> OpenPlain(string path, byte[] bytes)
    {
        try
        {
            var json = JsonNode.Parse(bytes) ?? throw new InvalidDataException("empty");
            var seed = Convert.FromHexString(json[SeedMember]?.GetValue<string>() ?? throw new InvalidDataException("no seed"));
            var key = KeyPair.FromSeed(seed);
            CryptographicOperations.ZeroMemory(seed);
            var expected = json["public_key"]?.GetValue<string>();
            if (expected == key.PublicKey.ToString()) return new KeystoreResult<KeyPair>(key, KeystoreError.None, null);
            key.Dispose();
            throw new InvalidDataException("public_key does not match seed");
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or InvalidDataException)
        {
            return Fail(KeystoreError.Malformed, $"{path} is not a valid node key file: {e.Message}");
        }
    }
}
