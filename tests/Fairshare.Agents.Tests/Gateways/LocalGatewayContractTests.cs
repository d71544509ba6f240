using Fairshare.Agents.Remote;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Node.Chain;
using Fairshare.Testing;

namespace Fairshare.Agents.Tests.Gateways;

/// <summary>The gateway contract against a node in this process (<see cref="LocalNodeGateway"/>).</summary>
public sealed class LocalGatewayContractTests : GatewayContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-gw-local-" + Guid.NewGuid().ToString("N"));
    private LedgerNode? _node;
    private LocalNodeGateway? _gateway;

    protected override Task<INodeGateway> StartAsync()
    {
        var data = new DataDirectory(Path.Combine(_root, "chain"));
        Directory.CreateDirectory(data.Root);
        File.WriteAllText(data.GenesisPath, GenesisWriter.ToJson(TestChain.CreateGenesis()));
        using (var key = KeyPair.ForDevelopment("test-validator")) NodeKeyFile.Write(data.NodeKeyPath, key);
        _node = LedgerNode.Open(data);
        _gateway = new LocalNodeGateway(_node, new BlobStore(Path.Combine(_root, "blobs")));
        return Task.FromResult<INodeGateway>(_gateway);
    }

    protected override Task MakeUnreachableAsync()
    {
        _gateway!.Reachable = false;
        return Task.CompletedTask;
    }

    protected override async Task StopAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        _node?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
