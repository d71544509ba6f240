using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

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

    private const int MinMemoryKib = 8;
    private const int SaltSize = 16;
    private const int NonceSize = 24;
    private const int TagSize = 16;
    private const int PublicKeySize = 32;
    private const int MaxFileBytes = 64 * 1024;
    private const string Extension = ".json";

    private const UnixFileMode FileMode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly AeadAlgorithm Cipher = AeadAlgorithm.XChaCha20Poly1305;
    private static readonly SignatureAlgorithm Signature = SignatureAlgorithm.Ed25519;

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
        if (!KdfParamsInRange(kdfParams))
        {
            throw new ArgumentOutOfRangeException(nameof(kdfParams),
                $"Argon2id parameters must be memory {MinMemoryKib}..{MaxMemoryKib} KiB, iterations 1..{MaxIterations}, parallelism 1");
        }

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
        string name, ReadOnlySpan<byte> privateSeed32, string address, string publicKeyHex, string passphrase)
    {
        if (privateSeed32.Length != SeedSize)
            throw new ArgumentException($"an Ed25519 seed is {SeedSize} bytes", nameof(privateSeed32));
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(publicKeyHex);
        ArgumentNullException.ThrowIfNull(passphrase);
        if (!TryDecodeHex(publicKeyHex, PublicKeySize, out byte[]? givenPublicKey))
            throw new ArgumentException($"the public key must be {PublicKeySize * 2} hex digits", nameof(publicKeyHex));
        if (!PublicKeyMatches(privateSeed32, givenPublicKey))
            throw new ArgumentException("the public key does not belong to the seed", nameof(publicKeyHex));

        if (!IsValidName(name)) return Fail<KeystoreFile>(KeystoreError.InvalidName, InvalidNameMessage(name));

        string path = PathOf(name);
        if (File.Exists(path))
            return Fail<KeystoreFile>(KeystoreError.AlreadyExists, $"key '{name}' already exists ({path})");

        byte[] salt = RandomNumberGenerator.GetBytes(SaltSize);
        byte[] nonce = RandomNumberGenerator.GetBytes(NonceSize);
        byte[] ciphertext;
        using (Key key = DeriveKey(passphrase, salt, _kdfParams))
        {
            ciphertext = Cipher.Encrypt(key, nonce, Encoding.UTF8.GetBytes(address), privateSeed32);
        }

        var file = new KeystoreFile
        {
            Version = KeystoreFile.CurrentVersion,
            Name = name,
            Address = address,
            PublicKey = Convert.ToHexStringLower(givenPublicKey),
            Kdf = KeystoreFile.KdfArgon2id,
            KdfParams = _kdfParams,
            Salt = Convert.ToHexStringLower(salt),
            Cipher = KeystoreFile.CipherXChaCha20Poly1305,
            Nonce = Convert.ToHexStringLower(nonce),
            Ciphertext = Convert.ToHexStringLower(ciphertext),
        };

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(file, KeystoreJsonContext.Default.KeystoreFile);
        if (!TryWriteNew(path, json))
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
            if (stream.Length > MaxFileBytes)
                return Fail<KeystoreFile>(KeystoreError.Malformed, $"key file {path} is larger than {MaxFileBytes} bytes");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail<KeystoreFile>(KeystoreError.NotFound, $"no key named '{name}' ({path})");
        }

        return Parse(name, path, bytes);
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
        KeystoreFile file = loaded.Value;

        // Parse has checked every field, so these decode.
        byte[] salt = Convert.FromHexString(file.Salt);
        byte[] nonce = Convert.FromHexString(file.Nonce);
        byte[] ciphertext = Convert.FromHexString(file.Ciphertext);
        byte[] publicKey = Convert.FromHexString(file.PublicKey);

        var seed = new byte[SeedSize];
        bool opened;
        using (Key key = DeriveKey(passphrase, salt, file.KdfParams))
        {
            opened = Cipher.Decrypt(key, nonce, Encoding.UTF8.GetBytes(file.Address), ciphertext, seed);
        }

        if (!opened)
        {
            CryptographicOperations.ZeroMemory(seed);
            return Fail<byte[]>(KeystoreError.WrongPassphrase,
                $"the passphrase does not open key '{name}' (or the file was altered)");
        }

        if (!PublicKeyMatches(seed, publicKey))
        {
            CryptographicOperations.ZeroMemory(seed);
            return Fail<byte[]>(KeystoreError.Malformed, $"key file {PathOf(name)}: public_key does not belong to the stored key");
        }

        return new KeystoreResult<byte[]>(seed, KeystoreError.None, null);
    }

    private static KeystoreResult<T> Fail<T>(KeystoreError error, string? message) => new(default, error, message);

    private static string InvalidNameMessage(string? name) =>
        $"invalid key name '{name}': use 1–{MaxNameLength} characters of lowercase a-z, 0-9, '_' or '-'";

    private static bool KdfParamsInRange(KeystoreKdfParams p) =>
        p.MemoryKib is >= MinMemoryKib and <= MaxMemoryKib
        && p.Iterations is >= 1 and <= MaxIterations
        && p.Parallelism == 1;

    private static KeystoreResult<KeystoreFile> Parse(string name, string path, byte[] bytes)
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
        if (file.Name != name) return Malformed($"name '{file.Name}' does not match the file name");
        if (string.IsNullOrWhiteSpace(file.Address)) return Malformed("empty address");
        if (!TryDecodeHex(file.PublicKey, PublicKeySize, out _)) return Malformed($"public_key is not {PublicKeySize} bytes of hex");
        if (file.Kdf != KeystoreFile.KdfArgon2id) return Malformed($"unknown kdf '{file.Kdf}'");
        if (!KdfParamsInRange(file.KdfParams)) return Malformed("kdf_params out of the accepted range");
        if (!TryDecodeHex(file.Salt, SaltSize, out _)) return Malformed($"salt is not {SaltSize} bytes of hex");
        if (file.Cipher != KeystoreFile.CipherXChaCha20Poly1305) return Malformed($"unknown cipher '{file.Cipher}'");
        if (!TryDecodeHex(file.Nonce, NonceSize, out _)) return Malformed($"nonce is not {NonceSize} bytes of hex");
        if (!TryDecodeHex(file.Ciphertext, SeedSize + TagSize, out _))
            return Malformed($"ciphertext is not {SeedSize + TagSize} bytes of hex");

        return new KeystoreResult<KeystoreFile>(file, KeystoreError.None, null);
    }

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

    private static bool TryDecodeHex(string? hex, int size, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (hex is null || hex.Length != size * 2) return false;
        var buffer = new byte[size];
        if (Convert.FromHexString(hex, buffer, out _, out int written) != OperationStatus.Done || written != size)
            return false;
        bytes = buffer;
        return true;
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

    /// <summary>
    /// Writes a new file atomically: a 0600 temp file in the same directory, flushed to disk, then renamed
    /// without overwriting. False when the target appeared meanwhile.
    /// </summary>
    private bool TryWriteNew(string path, byte[] contents)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(DirectoryPath);
        else Directory.CreateDirectory(DirectoryPath, DirectoryMode0700);

        string temp = Path.Combine(DirectoryPath, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode0600;

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            // UnixCreateMode is subject to the umask; make the mode exact.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, FileMode0600);

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }

            return true;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
