using Fairshare.Core.Crypto;
using Fairshare.Node.Chain;

namespace Fairshare.Node.Tests.Chain;

/// <summary>A validator's key file: only its owner can read it, it never overwrites, and a damaged one is refused.</summary>
public sealed class NodeKeyFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fairshare-nodekey-").FullName;

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

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
