using System.Text.Json.Nodes;
using Fairshare.Core.Crypto;
using Fairshare.Node.Chain;
using Fairshare.Node.Wallet;

namespace Fairshare.Node.Tests.Chain;

/// <summary>
/// A validator's key file: only its owner can read it, it never overwrites, and a damaged one is refused; encrypted, it
/// opens only with its passphrase and is the wallet keystore's format.
/// </summary>
public sealed class NodeKeyFileTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // The cheapest Argon2id libsodium accepts, so the tests run fast (the keystore tests use the same).
    private static readonly KeystoreKdfParams Cheap = KeystoreKdfParams.PublicSeed;

    private readonly string _dir = Directory.CreateTempSubdirectory("fairshare-nodekey-").FullName;

    private string KeyPath => Path.Combine(_dir, "node_key.json");

    [Fact]
    public void Write_CreatesTheFileReadableByItsOwnerOnly_AndReadGivesTheSameKey()
    {
        string path = Path.Combine(_dir, "node_key.json");
        using var key = KeyPair.ForDevelopment("nodekey-test");

        NodeKeyFile.Write(path, key);

        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var read = NodeKeyFile.Read(path);
        Assert.Equal(key.PublicKey, read.PublicKey);
    }

    [Fact]
    public void Write_NeverOverwrites_AndAKeyWhosePublicHalfDisagrees_IsRefused()
    {
        string path = Path.Combine(_dir, "node_key.json");
        using var key = KeyPair.ForDevelopment("nodekey-test");
        NodeKeyFile.Write(path, key);
        using var other = KeyPair.ForDevelopment("someone-else");

        Assert.Throws<IOException>(() => NodeKeyFile.Write(path, other));
        File.WriteAllText(path, File.ReadAllText(path).Replace(key.PublicKey.ToString(), other.PublicKey.ToString(), StringComparison.Ordinal));
        var refused = Assert.Throws<InvalidDataException>(() => NodeKeyFile.Read(path));
        Assert.Contains("public_key does not match seed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OfAPlainFile_GivesTheKey_WithoutAskingForAPassphrase()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");
        NodeKeyFile.Write(KeyPath, key);

        var opened = NodeKeyFile.Open(KeyPath, () => throw new InvalidOperationException("a plain key needs no passphrase"));

        Assert.True(opened.IsOk, opened.Message);
        using var read = opened.Value;
        Assert.Equal(key.PublicKey, read.PublicKey);
        Assert.False(NodeKeyFile.IsEncrypted(KeyPath));
    }

    [Fact]
    public void WriteEncrypted_IsTheKeystoreFormat_Mode0600_AndOpensWithThePassphrase()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");

        NodeKeyFile.WriteEncrypted(KeyPath, key, Passphrase, Cheap);

        if (!OperatingSystem.IsWindows()) Assert.Equal(Mode0600, File.GetUnixFileMode(KeyPath));
        Assert.True(NodeKeyFile.IsEncrypted(KeyPath));
        var json = JsonNode.Parse(File.ReadAllText(KeyPath))!.AsObject();
        string[] keystoreMembers = ["version", "name", "address", "public_key", "kdf", "kdf_params", "salt", "cipher", "nonce", "ciphertext"];
        Assert.Equal(keystoreMembers, json.Select(p => p.Key).ToArray());
        Assert.Equal(NodeKeyFile.EncryptedName, json["name"]!.GetValue<string>());
        Assert.Equal(key.Address.ToString(), json["address"]!.GetValue<string>());
        Assert.Equal(key.PublicKey.ToString(), json["public_key"]!.GetValue<string>());
        Assert.DoesNotContain(Convert.ToHexStringLower(key.ExportSeed()), File.ReadAllText(KeyPath), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));

        var opened = NodeKeyFile.Open(KeyPath, () => Passphrase);
        Assert.True(opened.IsOk, opened.Message);
        using var read = opened.Value;
        Assert.Equal(key.PublicKey, read.PublicKey);
        using var unlocked = NodeKeyFile.Unlock(KeyPath, () => Passphrase);
        Assert.Equal(key.PublicKey, unlocked.PublicKey);
    }

    [Fact]
    public void WriteEncrypted_ByDefault_UsesTheKeystoresNormalCost()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");

        NodeKeyFile.WriteEncrypted(KeyPath, key, Passphrase);

        var json = JsonNode.Parse(File.ReadAllText(KeyPath))!;
        Assert.Equal(KeystoreKdfParams.Default.MemoryKib, json["kdf_params"]!["memory_kib"]!.GetValue<int>());
        Assert.Equal(KeystoreKdfParams.Default.Iterations, json["kdf_params"]!["iterations"]!.GetValue<int>());
    }

    [Fact]
    public void WriteEncrypted_RefusesAnEmptyPassphrase_AndNeverOverwrites()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");
        Assert.Throws<ArgumentException>(() => NodeKeyFile.WriteEncrypted(KeyPath, key, string.Empty, Cheap));
        Assert.False(File.Exists(KeyPath));

        NodeKeyFile.WriteEncrypted(KeyPath, key, Passphrase, Cheap);
        string before = File.ReadAllText(KeyPath);
        using var other = KeyPair.ForDevelopment("someone-else");
        Assert.Throws<IOException>(() => NodeKeyFile.WriteEncrypted(KeyPath, other, Passphrase, Cheap));
        Assert.Throws<IOException>(() => NodeKeyFile.Write(KeyPath, other));
        Assert.Equal(before, File.ReadAllText(KeyPath));
    }

    [Fact]
    public void WrongPassphrase_IsRefused_AndNoKeyComesBack()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");
        NodeKeyFile.WriteEncrypted(KeyPath, key, Passphrase, Cheap);

        var opened = NodeKeyFile.Open(KeyPath, () => "wrong");

        Assert.False(opened.IsOk);
        Assert.Equal(KeystoreError.WrongPassphrase, opened.Error);
        Assert.Null(opened.Value);
        Assert.Contains("the passphrase does not open the node key", opened.Message, StringComparison.Ordinal);
        var error = Assert.Throws<UserFacingException>(() => NodeKeyFile.Unlock(KeyPath, () => "wrong"));
        Assert.Equal(NodeKeyFile.WrongPassphraseCode, error.Code);
    }

    [Fact]
    public void AnEncryptedFile_WithoutAPassphrase_IsLocked()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");
        NodeKeyFile.WriteEncrypted(KeyPath, key, Passphrase, Cheap);

        Assert.Equal(KeystoreError.PassphraseRequired, NodeKeyFile.Open(KeyPath, passphrase: null).Error);
        Assert.Equal(KeystoreError.PassphraseRequired, NodeKeyFile.Open(KeyPath, () => null).Error);
        Assert.Null(NodeKeyFile.Open(KeyPath, () => null).Value);
        Assert.Equal(NodeKeyFile.LockedCode, Assert.Throws<UserFacingException>(() => NodeKeyFile.Unlock(KeyPath, null)).Code);
        var plainOnly = Assert.Throws<InvalidDataException>(() => NodeKeyFile.Read(KeyPath));
        Assert.Contains("encrypted", plainOnly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("nonce")]
    [InlineData("salt")]
    public void ATamperedEncryptedFile_IsRefused(string member)
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");
        NodeKeyFile.WriteEncrypted(KeyPath, key, Passphrase, Cheap);
        var json = JsonNode.Parse(File.ReadAllText(KeyPath))!.AsObject();
        string hex = json[member]!.GetValue<string>();
        json[member] = (hex[0] == '0' ? "1" : "0") + hex[1..];
        File.WriteAllText(KeyPath, json.ToJsonString());

        var opened = NodeKeyFile.Open(KeyPath, () => Passphrase);

        Assert.Equal(KeystoreError.WrongPassphrase, opened.Error);
        Assert.Null(opened.Value);
    }

    [Fact]
    public void AnEncryptedFile_RelabelledWithAnotherAddress_OrStillHoldingThePlainSeed_IsRefused()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");
        using var other = KeyPair.ForDevelopment("someone-else");
        NodeKeyFile.WriteEncrypted(KeyPath, key, Passphrase, Cheap);
        var json = JsonNode.Parse(File.ReadAllText(KeyPath))!.AsObject();

        json["address"] = other.Address.ToString(); // the address is the associated data: it cannot be swapped
        File.WriteAllText(KeyPath, json.ToJsonString());
        Assert.Equal(KeystoreError.WrongPassphrase, NodeKeyFile.Open(KeyPath, () => Passphrase).Error);

        json["address"] = key.Address.ToString();
        json["seed"] = Convert.ToHexStringLower(key.ExportSeed());
        File.WriteAllText(KeyPath, json.ToJsonString());
        var both = NodeKeyFile.Open(KeyPath, () => Passphrase);
        Assert.Equal(KeystoreError.Malformed, both.Error);
        Assert.Equal(NodeKeyFile.InvalidCode, Assert.Throws<UserFacingException>(() => NodeKeyFile.Unlock(KeyPath, () => Passphrase)).Code);
    }

    [Fact]
    public void Encrypt_ConvertsAPlainFileInPlace_Mode0600_AndRefusesASecondTime()
    {
        using var key = KeyPair.ForDevelopment("nodekey-test");
        NodeKeyFile.Write(KeyPath, key);

        var encrypted = NodeKeyFile.Encrypt(KeyPath, Passphrase, Cheap);

        Assert.True(encrypted.IsOk, encrypted.Message);
        Assert.Equal(key.PublicKey.ToString(), encrypted.Value.PublicKey);
        Assert.True(NodeKeyFile.IsEncrypted(KeyPath));
        if (!OperatingSystem.IsWindows()) Assert.Equal(Mode0600, File.GetUnixFileMode(KeyPath));
        Assert.Equal(KeyPath, Assert.Single(Directory.GetFiles(_dir)));
        using (var opened = NodeKeyFile.Unlock(KeyPath, () => Passphrase)) Assert.Equal(key.PublicKey, opened.PublicKey);

        string before = File.ReadAllText(KeyPath);
        var again = NodeKeyFile.Encrypt(KeyPath, "another passphrase", Cheap);
        Assert.Equal(KeystoreError.AlreadyEncrypted, again.Error);
        Assert.Equal(before, File.ReadAllText(KeyPath));
        Assert.Throws<ArgumentException>(() => NodeKeyFile.Encrypt(KeyPath, string.Empty, Cheap));
        Assert.Equal(KeystoreError.NotFound, NodeKeyFile.Encrypt(Path.Combine(_dir, "missing.json"), Passphrase, Cheap).Error);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
