using System.Text;
using System.Text.Json.Nodes;
using Fairshare.Node.Wallet;
using NSec.Cryptography;
using Xunit;

namespace Fairshare.Node.Tests.Wallet;

public sealed class KeystoreTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private const string Address = "fs1test-address";

    // The cheapest Argon2id libsodium accepts, so the tests run fast.
    private static readonly KeystoreKdfParams Cheap = new() { MemoryKib = 8, Iterations = 1, Parallelism = 1 };

    private readonly string _dir;
    private readonly Keystore _store;

    public KeystoreTests()
    {
        _dir = Path.Combine(Path.GetTempPath(), "fairshare-keystore-tests-" + Guid.NewGuid().ToString("N"));
        _store = new Keystore(_dir, Cheap);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static byte[] Seed(byte fill)
    {
        var seed = new byte[32];
        for (int i = 0; i < seed.Length; i++) seed[i] = (byte)(fill + i);
        return seed;
    }

    private static string PublicKeyHex(byte[] seed)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        return Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    private KeystoreFile CreateOk(string name, byte[] seed, string passphrase = Passphrase)
    {
        var result = _store.Create(name, seed, Address, PublicKeyHex(seed), passphrase);
        Assert.True(result.IsOk, result.Message);
        return result.Value;
    }

    private void Edit(string name, Action<JsonObject> edit)
    {
        string path = _store.PathOf(name);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Fact]
    public void CreateThenUnlock_ReturnsTheSameSeed()
    {
        byte[] seed = Seed(7);
        KeystoreFile file = CreateOk("alice", seed);

        Assert.Equal(KeystoreFile.CurrentVersion, file.Version);
        Assert.Equal("alice", file.Name);
        Assert.Equal(Address, file.Address);
        Assert.Equal(PublicKeyHex(seed), file.PublicKey);
        Assert.Equal("argon2id", file.Kdf);
        Assert.Equal(Cheap, file.KdfParams);
        Assert.Equal("xchacha20poly1305", file.Cipher);
        Assert.Equal(32, file.Salt.Length);
        Assert.Equal(48, file.Nonce.Length);
        Assert.Equal(96, file.Ciphertext.Length);

        var unlocked = _store.Unlock("alice", Passphrase);
        Assert.True(unlocked.IsOk, unlocked.Message);
        Assert.Equal(KeystoreError.None, unlocked.Error);
        Assert.Equal(seed, unlocked.Value);
    }

    [Fact]
    public void File_UsesSnakeCaseNames_AndRoundTripsThroughLoad()
    {
        KeystoreFile created = CreateOk("alice", Seed(1));

        var json = JsonNode.Parse(File.ReadAllText(_store.PathOf("alice")))!.AsObject();
        string[] expected = ["version", "name", "address", "public_key", "kdf", "kdf_params", "salt", "cipher", "nonce", "ciphertext"];
        Assert.Equal(expected, json.Select(p => p.Key).ToArray());
        Assert.Equal(["memory_kib", "iterations", "parallelism"], json["kdf_params"]!.AsObject().Select(p => p.Key).ToArray());

        var loaded = _store.Load("alice");
        Assert.True(loaded.IsOk, loaded.Message);
        Assert.Equal(created, loaded.Value);
        Assert.True(_store.TryLoad("alice", out var viaTry, out var error));
        Assert.Null(error);
        Assert.Equal(created, viaTry);
    }

    [Fact]
    public void SameSeedAndPassphrase_EncryptDifferentlyEachTime()
    {
        KeystoreFile a = CreateOk("a", Seed(3));
        KeystoreFile b = CreateOk("b", Seed(3));
        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Nonce, b.Nonce);
        Assert.NotEqual(a.Ciphertext, b.Ciphertext);
    }

    [Fact]
    public void WrongPassphrase_IsReported()
    {
        CreateOk("alice", Seed(7));
        var result = _store.Unlock("alice", "wrong");
        Assert.False(result.IsOk);
        Assert.Equal(KeystoreError.WrongPassphrase, result.Error);
        Assert.Null(result.Value);
        Assert.NotNull(result.Message);
    }

    [Fact]
    public void EmptyAndUnicodePassphrases_Work()
    {
        CreateOk("empty", Seed(1), "");
        CreateOk("unicode", Seed(2), "pässwörd-🔑");
        Assert.Equal(Seed(1), _store.Unlock("empty", "").Value);
        Assert.Equal(Seed(2), _store.Unlock("unicode", "pässwörd-🔑").Value);
        Assert.Equal(KeystoreError.WrongPassphrase, _store.Unlock("unicode", "passwort-🔑").Error);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("nonce")]
    [InlineData("salt")]
    public void TamperedEncryptionFields_ReadAsWrongPassphrase(string field)
    {
        CreateOk("alice", Seed(7));
        Edit("alice", json =>
        {
            char[] hex = json[field]!.GetValue<string>().ToCharArray();
            hex[0] = hex[0] == '0' ? '1' : '0';
            json[field] = new string(hex);
        });

        Assert.Equal(KeystoreError.WrongPassphrase, _store.Unlock("alice", Passphrase).Error);
    }

    [Fact]
    public void TamperedAddress_FailsAuthentication()
    {
        CreateOk("alice", Seed(7));
        Edit("alice", json => json["address"] = "fs1someone-else");

        Assert.True(_store.Load("alice").IsOk); // still well-formed...
        Assert.Equal(KeystoreError.WrongPassphrase, _store.Unlock("alice", Passphrase).Error); // ...but not authentic
    }

    [Fact]
    public void TamperedKdfParams_ReadAsWrongPassphrase()
    {
        CreateOk("alice", Seed(7));
        Edit("alice", json => json["kdf_params"]!["iterations"] = 2);
        Assert.Equal(KeystoreError.WrongPassphrase, _store.Unlock("alice", Passphrase).Error);
    }

    [Fact]
    public void PublicKeyThatDoesNotMatchTheSeed_IsMalformed()
    {
        CreateOk("alice", Seed(7));
        Edit("alice", json => json["public_key"] = PublicKeyHex(Seed(8)));
        Assert.Equal(KeystoreError.Malformed, _store.Unlock("alice", Passphrase).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("{}")]
    public void Garbage_IsMalformed(string contents)
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "alice.json"), contents);
        Assert.Equal(KeystoreError.Malformed, _store.Unlock("alice", Passphrase).Error);
        Assert.Equal(KeystoreError.Malformed, _store.Load("alice").Error);
        Assert.False(_store.TryLoad("alice", out var file, out var error));
        Assert.Null(file);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TruncatedFile_IsMalformed()
    {
        CreateOk("alice", Seed(7));
        string path = _store.PathOf("alice");
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);
        Assert.Equal(KeystoreError.Malformed, _store.Unlock("alice", Passphrase).Error);
    }

    [Fact]
    public void OversizedFile_IsMalformed()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "alice.json"), "{\"pad\":\"" + new string('x', 70_000) + "\"}");
        Assert.Equal(KeystoreError.Malformed, _store.Unlock("alice", Passphrase).Error);
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { "missing", "name" },
        { "missing", "address" },
        { "missing", "public_key" },
        { "missing", "kdf" },
        { "missing", "kdf_params" },
        { "missing", "salt" },
        { "missing", "cipher" },
        { "missing", "nonce" },
        { "missing", "ciphertext" },
        { "missing", "version" },
        { "null", "salt" },
        { "null", "kdf_params" },
        { "number", "nonce" },
        { "string", "version" },
        { "not-hex", "salt" },
        { "not-hex", "nonce" },
        { "not-hex", "ciphertext" },
        { "not-hex", "public_key" },
        { "short", "salt" },
        { "short", "nonce" },
        { "short", "ciphertext" },
        { "short", "public_key" },
        { "long", "ciphertext" },
        { "odd", "salt" },
        { "unknown", "kdf" },
        { "unknown", "cipher" },
        { "other-name", "name" },
        { "empty", "address" },
        { "duplicate", "salt" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void BadFields_AreMalformed(string how, string field)
    {
        CreateOk("alice", Seed(7));
        string path = _store.PathOf("alice");
        if (how == "duplicate")
        {
            string text = File.ReadAllText(path);
            File.WriteAllText(path, text.Replace("\"salt\":", "\"salt\": \"00\", \"salt\":", StringComparison.Ordinal));
        }
        else
        {
            Edit("alice", json =>
            {
                string current = json[field]?.ToJsonString() ?? "";
                string hex = json[field] is JsonValue v && v.TryGetValue(out string? s) ? s : "";
                switch (how)
                {
                    case "missing": json.Remove(field); break;
                    case "null": json[field] = null; break;
                    case "number": json[field] = 5; break;
                    case "string": json[field] = "1"; break;
                    case "not-hex": json[field] = "zz" + hex[2..]; break;
                    case "short": json[field] = hex[..^2]; break;
                    case "long": json[field] = hex + "00"; break;
                    case "odd": json[field] = hex[..^1]; break;
                    case "unknown": json[field] = "rot13"; break;
                    case "other-name": json[field] = "bob"; break;
                    case "empty": json[field] = ""; break;
                    default: throw new ArgumentException(how + current);
                }
            });
        }

        var result = _store.Unlock("alice", Passphrase);
        Assert.Equal(KeystoreError.Malformed, result.Error);
        Assert.Contains(path, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1, 1)]         // below libsodium's minimum memory
    [InlineData(2_000_000, 1, 1)] // more memory than we accept from a file
    [InlineData(8, 0, 1)]
    [InlineData(8, 100, 1)]
    [InlineData(8, 1, 2)]         // libsodium supports one lane only
    public void KdfParamsOutOfRange_AreMalformed(int memoryKib, int iterations, int parallelism)
    {
        CreateOk("alice", Seed(7));
        Edit("alice", json => json["kdf_params"] = new JsonObject
        {
            ["memory_kib"] = memoryKib,
            ["iterations"] = iterations,
            ["parallelism"] = parallelism,
        });
        Assert.Equal(KeystoreError.Malformed, _store.Unlock("alice", Passphrase).Error);
    }

    [Fact]
    public void OtherVersions_AreUnsupported()
    {
        CreateOk("alice", Seed(7));
        Edit("alice", json => json["version"] = 2);
        Assert.Equal(KeystoreError.UnsupportedVersion, _store.Unlock("alice", Passphrase).Error);

        // A future format may not have the fields of version 1 at all.
        File.WriteAllText(_store.PathOf("alice"), """{"version": 3, "something": "else"}""");
        Assert.Equal(KeystoreError.UnsupportedVersion, _store.Unlock("alice", Passphrase).Error);
    }

    [Fact]
    public void MissingFile_IsNotFound()
    {
        Assert.Equal(KeystoreError.NotFound, _store.Unlock("nobody", Passphrase).Error); // directory missing too
        CreateOk("alice", Seed(7));
        Assert.Equal(KeystoreError.NotFound, _store.Unlock("nobody", Passphrase).Error);
        Assert.Equal(KeystoreError.NotFound, _store.Load("nobody").Error);
    }

    [Fact]
    public void DuplicateName_IsRefused_AndTheOriginalKept()
    {
        CreateOk("alice", Seed(7));
        string path = _store.PathOf("alice");
        byte[] before = File.ReadAllBytes(path);

        byte[] other = Seed(9);
        var result = _store.Create("alice", other, Address, PublicKeyHex(other), "another passphrase");

        Assert.False(result.IsOk);
        Assert.Equal(KeystoreError.AlreadyExists, result.Error);
        Assert.Null(result.Value);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(Seed(7), _store.Unlock("alice", Passphrase).Value);
        Assert.Equal(["alice.json"], Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("A b")]
    [InlineData("Alice")]
    [InlineData("a.b")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("..")]
    [InlineData("ä")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65
    public void InvalidNames_AreRefused(string name)
    {
        byte[] seed = Seed(7);
        var created = _store.Create(name, seed, Address, PublicKeyHex(seed), Passphrase);
        Assert.Equal(KeystoreError.InvalidName, created.Error);
        Assert.Equal(KeystoreError.InvalidName, _store.Unlock(name, Passphrase).Error);
        Assert.Equal(KeystoreError.InvalidName, _store.Load(name).Error);
        Assert.False(Directory.Exists(_dir) && Directory.EnumerateFileSystemEntries(_dir).Any());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("my-key_2")]
    [InlineData("0")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 64
    public void ValidNames_AreAccepted(string name)
    {
        Assert.True(Keystore.IsValidName(name));
        CreateOk(name, Seed(7));
        Assert.True(File.Exists(Path.Combine(_dir, name + ".json")));
    }

    [Fact]
    public void BadArguments_Throw()
    {
        byte[] seed = Seed(7);
        string pk = PublicKeyHex(seed);
        Assert.Throws<ArgumentException>(() => _store.Create("a", new byte[31], Address, pk, Passphrase));
        Assert.Throws<ArgumentException>(() => _store.Create("a", seed, "", pk, Passphrase));
        Assert.Throws<ArgumentException>(() => _store.Create("a", seed, Address, "abcd", Passphrase));
        Assert.Throws<ArgumentException>(() => _store.Create("a", seed, Address, PublicKeyHex(Seed(8)), Passphrase));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Keystore(_dir, new KeystoreKdfParams { MemoryKib = 8, Iterations = 1, Parallelism = 4 }));
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public void List_ReturnsWellFormedKeys_SortedByName()
    {
        Assert.Empty(_store.List()); // directory missing

        CreateOk("charlie", Seed(3));
        CreateOk("alpha", Seed(1));
        CreateOk("bravo-2", Seed(2));
        CreateOk("bravo", Seed(4));
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a key");
        File.WriteAllText(Path.Combine(_dir, "broken.json"), "{ not json");
        File.WriteAllText(Path.Combine(_dir, "Upper.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_dir, "sub.json"));

        Assert.Equal(["alpha", "bravo", "bravo-2", "charlie"], _store.List().Select(f => f.Name).ToArray());
        Assert.Equal(KeystoreError.Malformed, _store.Load("broken").Error);
    }

    [Fact]
    public void KeyFile_IsPrivateOnUnix()
    {
        if (OperatingSystem.IsWindows()) return;
        CreateOk("alice", Seed(7));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.PathOf("alice")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dir));
    }

    [Fact]
    public void File_DoesNotContainTheSeed()
    {
        byte[] seed = Seed(7);
        CreateOk("alice", seed);
        string text = File.ReadAllText(_store.PathOf("alice"));
        Assert.DoesNotContain(Convert.ToHexStringLower(seed), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(seed), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Encoding.Latin1.GetString(seed), text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTemporaryFiles_AreLeftBehind()
    {
        CreateOk("alice", Seed(1));
        CreateOk("bob", Seed(2));
        Assert.Equal(["alice.json", "bob.json"], Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void DefaultResult_IsNotOk()
    {
        Assert.False(default(KeystoreResult<byte[]>).IsOk);
    }

    [Fact]
    public void MnemonicEntropy_IsSealedBesideTheSeed_AndOpensWithTheSamePassphrase()
    {
        byte[] seed = Seed(9);
        byte[] entropy = Seed(40)[..16];
        var created = _store.Create("carol", seed, Address, PublicKeyHex(seed), Passphrase, entropy);
        Assert.True(created.IsOk, created.Message);
        Assert.True(created.Value.HasMnemonic);

        var json = JsonNode.Parse(File.ReadAllText(_store.PathOf("carol")))!.AsObject();
        Assert.Equal(["version", "name", "address", "public_key", "kdf", "kdf_params", "salt", "cipher", "nonce", "ciphertext", "mnemonic_nonce", "mnemonic_ciphertext"],
            json.Select(p => p.Key).ToArray());
        Assert.Equal(2 * (16 + 16), json["mnemonic_ciphertext"]!.GetValue<string>().Length);
        Assert.DoesNotContain(Convert.ToHexStringLower(entropy), File.ReadAllText(_store.PathOf("carol")), StringComparison.Ordinal);

        Assert.Equal(seed, _store.Unlock("carol", Passphrase).Value);
        Assert.Equal(entropy, _store.UnlockMnemonic("carol", Passphrase).Value);
        Assert.Equal(KeystoreError.WrongPassphrase, _store.UnlockMnemonic("carol", "wrong").Error);

        // A key without a mnemonic has none to give.
        CreateOk("alice", Seed(7));
        Assert.False(_store.Load("alice").Value!.HasMnemonic);
        var none = _store.UnlockMnemonic("alice", Passphrase);
        Assert.True(none.IsOk, none.Message);
        Assert.Empty(none.Value);
    }

    [Fact]
    public void MnemonicAndSeed_CannotStandInForEachOther()
    {
        byte[] seed = Seed(9);
        var created = _store.Create("carol", seed, Address, PublicKeyHex(seed), Passphrase, Seed(50));
        Assert.True(created.IsOk, created.Message);
        // Both are 32 bytes here: swapped, each fails authentication (their associated data differ).
        Edit("carol", json =>
        {
            (json["nonce"], json["mnemonic_nonce"]) = (json["mnemonic_nonce"]!.DeepClone(), json["nonce"]!.DeepClone());
            (json["ciphertext"], json["mnemonic_ciphertext"]) = (json["mnemonic_ciphertext"]!.DeepClone(), json["ciphertext"]!.DeepClone());
        });
        Assert.Equal(KeystoreError.WrongPassphrase, _store.Unlock("carol", Passphrase).Error);
        Assert.Equal(KeystoreError.WrongPassphrase, _store.UnlockMnemonic("carol", Passphrase).Error);
    }

    [Theory]
    [InlineData("mnemonic_nonce", null)]
    [InlineData("mnemonic_ciphertext", null)]
    [InlineData("mnemonic_nonce", "00")]
    [InlineData("mnemonic_ciphertext", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00")]
    [InlineData("mnemonic_ciphertext", "00112233445566778899aabbccddeeff0011223344556677")]
    public void BadMnemonicFields_AreMalformed(string field, string? value)
    {
        byte[] seed = Seed(9);
        Assert.True(_store.Create("carol", seed, Address, PublicKeyHex(seed), Passphrase, Seed(50)[..16]).IsOk);
        Edit("carol", json =>
        {
            if (value is null) json.Remove(field);
            else json[field] = value;
        });
        Assert.Equal(KeystoreError.Malformed, _store.Load("carol").Error);
    }

    [Fact]
    public void MnemonicEntropy_OfAnotherLength_Throws()
    {
        byte[] seed = Seed(9);
        Assert.Throws<ArgumentException>(() => _store.Create("carol", seed, Address, PublicKeyHex(seed), Passphrase, new byte[15]));
        Assert.Throws<ArgumentException>(() => _store.Create("carol", seed, Address, PublicKeyHex(seed), Passphrase, new byte[36]));
        Assert.False(File.Exists(_store.PathOf("carol")));
    }

    [Fact]
    public void Delete_RemovesTheFile_AndReportsAMissingOne()
    {
        CreateOk("alice", Seed(7));
        var deleted = _store.Delete("alice");
        Assert.True(deleted.IsOk, deleted.Message);
        Assert.Equal("alice", deleted.Value.Name);
        Assert.False(File.Exists(_store.PathOf("alice")));
        Assert.Equal(KeystoreError.NotFound, _store.Delete("alice").Error);
        Assert.Equal(KeystoreError.InvalidName, _store.Delete("../alice").Error);
    }
}
