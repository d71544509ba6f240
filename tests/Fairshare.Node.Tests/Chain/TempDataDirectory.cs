using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Node.Chain;
using Fairshare.Testing;

namespace Fairshare.Node.Tests.Chain;

/// <summary>A data directory in /tmp with the test chain's genesis and validator key; deleted on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Data = new DataDirectory(Path.Combine(Path.GetTempPath(), "fairshare-test-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(Data.Root);
        File.WriteAllText(Data.GenesisPath, GenesisWriter.ToJson(TestChain.CreateGenesis()));
        using var key = KeyPair.ForDevelopment("test-validator");
        NodeKeyFile.Write(Data.NodeKeyPath, key);
    }

    public DataDirectory Data { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Data.Root)) Directory.Delete(Data.Root, recursive: true);
    }
}
