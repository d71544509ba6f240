using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Fairshare.Node.Wallet;

/// <summary>
/// A directory of passphrase-encrypted Ed25519 keys, one file <c>&lt;dir&gt;/&lt;name&gt;.json</c> per key
/// (see <see cref="KeystoreFile"/>). Expected failures come back as <see cref="KeystoreResult{T}"/>; bad
/// arguments and I/O failures of the directory itself (permissions, a full disk) throw.
/// </summary>
public sealed class Keystore
{
    /// <summary>Size of an Ed25519 private seed in bytes.</summary>
    public const int SeedSize = 32;

    /// <summary>The longest key name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The most memory (KiB) a key file may ask Argon2id for: 1 GiB, libsodium's "sensitive" level.</summary>
    public const int MaxMemoryKib = 1 << 20;

    /// <summary>The most Argon2id passes a key file may ask for.</summary>
    public const int MaxIterations = 16;

    private const string Extension = ".json";

    private const UnixFileMode DirectoryMode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly KeystoreKdfParams _kdfParams;

    /// <summary>A keystore in the directory; new keys get <see cref="KeystoreKdfParams.Default"/>.</summary>
    public Keystore(string directory)
        : this(directory, KeystoreKdfParams.Default)
    {
    }

    /// <summary>
    /// A keystore in the directory whose new keys get the given Argon2id parameters (tests use cheap ones).
    /// Unlocking always uses the parameters stored in the file.
    /// </summary>
    public Keystore(string directory, KeystoreKdfParams kdfParams)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(kdfParams);
        if (!KeystoreSeal.KdfParamsInRange(kdfParams))
            throw new ArgumentOutOfRangeException(nameof(kdfParams), $"Argon2id parameters must be {KeystoreSeal.KdfParamsRange}");

        DirectoryPath = Path.GetFullPath(directory);
        _kdfParams = kdfParams;
    }

    /// <summary>The absolute path of the key directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>True when the name is 1–64 characters of lowercase <c>a-z</c>, <c>0-9</c>, <c>_</c> or <c>-</c>.</summary>
    public static bool IsValidName([NotNullWhen(true)] string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength) return false;
        foreach (char c in name)
        {
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
            if (!ok) return false;
        }

        return true;
    }

    /// <summary>The path of the key file for a (valid) name.</summary>
    public string PathOf(string name) => Path.Combine(DirectoryPath, name + Extension);

    /// <summary>
    /// Encrypts the seed under the passphrase and writes <c>&lt;name&gt;.json</c> (mode 0600 on Unix),
    /// atomically, never replacing an existing file. Fails with <see cref="KeystoreError.InvalidName"/> or
    /// <see cref="KeystoreError.AlreadyExists"/>. Throws when the seed is not 32 bytes, the address is
    /// empty, or the public key is not the 64-hex-digit public key of the seed.
    /// </summary>
    public KeystoreResult<KeystoreFile> Create(
        string name, ReadOnlySpan<byte> privateSeed32, string address, string publicKeyHex, string passphrase) =>
        Create(name, privateSeed32, address, publicKeyHex, passphrase, mnemonicEntropy: default);

    /// <summary>
    /// As the other overload, for a key derived from a BIP-39 mnemonic: a non-empty <paramref name="mnemonicEntropy"/>
    /// (16 to 32 bytes, a multiple of 4) is encrypted into the same file under the same passphrase, so that
    /// <see cref="UnlockMnemonic"/> can give the words back. Throws as well when the entropy has another length.
    /// </summary>
    public KeystoreResult<KeystoreFile> Create(
        string name, ReadOnlySpan<byte> privateSeed32, string address, string publicKeyHex, string passphrase, ReadOnlySpan<byte> mnemonicEntropy)
    {
        KeystoreSeal.CheckSeed(privateSeed32, address, publicKeyHex, passphrase);
        if (!IsValidName(name)) return Fail<KeystoreFile>(KeystoreError.InvalidName, InvalidNameMessage(name));

        string path = PathOf(name);
        if (File.Exists(path))
            return Fail<KeystoreFile>(KeystoreError.AlreadyExists, $"key '{name}' already exists ({path})");

        KeystoreFile file = KeystoreSeal.Seal(name, privateSeed32, address, publicKeyHex, passphrase, _kdfParams, mnemonicEntropy);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(DirectoryPath);
        else Directory.CreateDirectory(DirectoryPath, DirectoryMode0700);
        if (!PrivateFile.TryWriteNew(path, KeystoreSeal.Serialize(file)))
            return Fail<KeystoreFile>(KeystoreError.AlreadyExists, $"key '{name}' already exists ({path})");

        return new KeystoreResult<KeystoreFile>(file, KeystoreError.None, null);
    }

    /// <summary>
    /// The well-formed key files, sorted by name (ordinal). Files that are not <c>*.json</c>, whose name is not
    /// a valid key name, or that are damaged or unreadable are skipped (use <see cref="Load"/> to see why).
    /// A missing directory gives an empty list.
    /// </summary>
    public IReadOnlyList<KeystoreFile> List()
    {
        if (!Directory.Exists(DirectoryPath)) return [];

        var files = new List<KeystoreFile>();
        foreach (string path in Directory.EnumerateFiles(DirectoryPath, "*" + Extension))
        {
            if (!path.EndsWith(Extension, StringComparison.Ordinal)) continue;
            string name = Path.GetFileNameWithoutExtension(path);
            if (!IsValidName(name)) continue;
            try
            {
                var loaded = Load(name);
                if (loaded.IsOk) files.Add(loaded.Value);
            }
            catch (IOException)
            {
                // Unreadable right now (removed, locked): not listed.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read: not listed.
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return files;
    }

    /// <summary>
    /// Reads and checks <c>&lt;name&gt;.json</c> without decrypting it: <see cref="KeystoreError.InvalidName"/>,
    /// <see cref="KeystoreError.NotFound"/>, <see cref="KeystoreError.UnsupportedVersion"/> or
    /// <see cref="KeystoreError.Malformed"/> on failure. I/O errors other than a missing file throw.
    /// </summary>
    public KeystoreResult<KeystoreFile> Load(string name)
    {
        if (!IsValidName(name)) return Fail<KeystoreFile>(KeystoreError.InvalidName, InvalidNameMessage(name));

        string path = PathOf(name);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > KeystoreSeal.MaxFileBytes)
                return Fail<KeystoreFile>(KeystoreError.Malformed, $"key file {path} is larger than {KeystoreSeal.MaxFileBytes} bytes");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail<KeystoreFile>(KeystoreError.NotFound, $"no key named '{name}' ({path})");
        }

        return KeystoreSeal.Parse(bytes, path, expectedName: name);
    }

    /// <summary>
    /// <see cref="Load"/> in try-form: true with the file, or false with a message saying why
    /// (use <see cref="Load"/> for the error code).
    /// </summary>
    public bool TryLoad(string name, [NotNullWhen(true)] out KeystoreFile? file, [NotNullWhen(false)] out string? error)
    {
        var result = Load(name);
        if (result.IsOk)
        {
            file = result.Value;
            error = null;
            return true;
        }

        file = null;
        error = result.Message ?? result.Error.ToString();
        return false;
    }

    /// <summary>
    /// Decrypts the key: the 32-byte seed, which the caller owns and should zero
    /// (<see cref="CryptographicOperations.ZeroMemory"/>) when done. Fails with the errors of <see cref="Load"/>,
    /// with <see cref="KeystoreError.WrongPassphrase"/> when decryption fails (a wrong passphrase or a tampered
    /// file), or with <see cref="KeystoreError.Malformed"/> when the stored public key is not the seed's.
    /// </summary>
    public KeystoreResult<byte[]> Unlock(string name, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);

        var loaded = Load(name);
        if (!loaded.IsOk) return Fail<byte[]>(loaded.Error, loaded.Message);
        return KeystoreSeal.Unseal(loaded.Value, passphrase, PathOf(name), $"key '{name}'");
    }

    /// <summary>
    /// Decrypts the BIP-39 entropy of a key made from a mnemonic (see <see cref="Create(string, ReadOnlySpan{byte}, string, string, string, ReadOnlySpan{byte})"/>):
    /// the entropy, which the caller owns and should zero, or an empty array when the key holds no mnemonic. Fails as
    /// <see cref="Unlock"/> does.
    /// </summary>
    public KeystoreResult<byte[]> UnlockMnemonic(string name, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);

        var loaded = Load(name);
        if (!loaded.IsOk) return Fail<byte[]>(loaded.Error, loaded.Message);
        return KeystoreSeal.UnsealMnemonic(loaded.Value, passphrase, $"key '{name}'");
    }

    /// <summary>
    /// Removes <c>&lt;name&gt;.json</c>: the file that was removed, or the errors of <see cref="Load"/> (a damaged file
    /// is not removed: <see cref="KeystoreError.Malformed"/>). Nothing else holds the key: without a copy or its
    /// mnemonic it is gone.
    /// </summary>
    public KeystoreResult<KeystoreFile> Delete(string name)
    {
        var loaded = Load(name);
        if (!loaded.IsOk) return loaded;
        try
        {
            File.Delete(PathOf(name));
        }
        catch (DirectoryNotFoundException)
        {
            return Fail<KeystoreFile>(KeystoreError.NotFound, $"no key named '{name}' ({PathOf(name)})");
        }

        return loaded;
    }

    private static KeystoreResult<T> Fail<T>(KeystoreError error, string? message) => new(default, error, message);

    private static string InvalidNameMessage(string? name) =>
        $"invalid key name '{name}': use 1–{MaxNameLength} characters of lowercase a-z, 0-9, '_' or '-'";
}
