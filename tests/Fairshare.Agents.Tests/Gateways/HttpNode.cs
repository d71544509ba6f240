using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Node.Chain;
using Fairshare.Node.Cluster;
using Fairshare.Server;
using Microsoft.AspNetCore.Builder;

namespace Fairshare.Agents.Tests.Gateways;

/// <summary>
/// One validator as <c>fairshare node start</c> runs it, in this process: a Raft cluster of one member on a data
/// directory (blocks every 50 ms) and the node's HTTP API on 127.0.0.1 with free ports.
/// </summary>
public sealed class HttpNode : IAsyncDisposable
{
    private readonly string _root;
    private readonly RaftLedgerService _ledger;
    private WebApplication? _app;

    private HttpNode(string root, RaftLedgerService ledger, WebApplication app, Uri url)
    {
        _root = root;
        _ledger = ledger;
        _app = app;
        Url = url;
    }

    /// <summary>The API's base URL (with a trailing slash).</summary>
    public Uri Url { get; }

    /// <summary>The validator behind the API.</summary>
    public ILedgerService Ledger => _ledger;

    /// <summary>
    /// Initialises a data directory with <paramref name="genesis"/> (its validator must be <c>test-validator</c>) and
    /// starts serving, with the API options <paramref name="api"/> makes of the defaults.
    /// </summary>
    public static async Task<HttpNode> StartAsync(GenesisConfig genesis, string validatorSeed = "test-validator", Func<NodeApiOptions, NodeApiOptions>? api = null)
    {
        string root = Path.Combine(Path.GetTempPath(), "fairshare-httpnode-" + Guid.NewGuid().ToString("N"));
        var data = new DataDirectory(Path.Combine(root, "chain"));
        Directory.CreateDirectory(data.Root);
        string json = GenesisWriter.ToJson(genesis);
        File.WriteAllText(data.GenesisPath, json);
        using (var key = KeyPair.ForDevelopment(validatorSeed)) NodeKeyFile.Write(data.NodeKeyPath, key);
        string url = $"http://127.0.0.1:{FreePort()}";
        var raft = new IPEndPoint(IPAddress.Loopback, FreePort());
        var options = new RaftLedgerOptions(data, raft, url + "/", [new ClusterMember(raft, url + "/")]) { BlockTime = TimeSpan.FromMilliseconds(50) };
        var ledger = await RaftLedgerService.StartAsync(options, CancellationToken.None);
        var apiOptions = new NodeApiOptions(url) { GenesisJson = json };
        var app = NodeApi.Build(api is null ? apiOptions : api(apiOptions), ledger, index: null);
        await app.StartAsync();
        return new HttpNode(root, ledger, app, new Uri(NodeApi.BoundUrl(app).ToString().TrimEnd('/') + "/"));
    }

    /// <summary>Stops the HTTP API (the validator keeps running): callers then find the node unreachable.</summary>
    public async Task StopServingAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopServingAsync();
        await _ledger.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
