using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Node.Chain;
using Fairshare.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Fairshare.Dashboard.Tests.Support;

/// <summary>
/// A node serving <see cref="ActiveChain"/>: the recorded blocks are applied and stored in a fresh data directory
/// (as a validator that replicated them would), then opened by the server tests' one-member ledger with an in-memory
/// index of the same blocks, and the real API (dashboard included) listens on 127.0.0.1 with a free port.
/// </summary>
public sealed class DashboardNode : IAsyncDisposable
{
    private readonly string _root;

    private DashboardNode(string root, SingleNodeLedger ledger, MemoryChainIndex index, WebApplication app, Uri url)
    {
        _root = root;
        Ledger = ledger;
        Index = index;
        App = app;
        Url = url;
        Client = new FairshareClient(url);
    }

    /// <summary>The ledger behind the API.</summary>
    public SingleNodeLedger Ledger { get; }

    /// <summary>The index behind the API.</summary>
    public MemoryChainIndex Index { get; }

    /// <summary>The running API.</summary>
    public WebApplication App { get; }

    /// <summary>Its base URL (ends with '/').</summary>
    public Uri Url { get; }

    /// <summary>An SDK client of it.</summary>
    public FairshareClient Client { get; }

    /// <summary>Stores the chain and starts the node.</summary>
    public static async Task<DashboardNode> StartAsync(ActiveChain chain)
    {
        var root = Path.Combine(Path.GetTempPath(), "fairshare-dashboard-test-" + Guid.NewGuid().ToString("N"));
        var data = new DataDirectory(root);
        Directory.CreateDirectory(root);
        var json = GenesisWriter.ToJson(chain.Genesis);
        File.WriteAllText(data.GenesisPath, json);
        using (var key = KeyPair.ForDevelopment("test-validator")) NodeKeyFile.Write(data.NodeKeyPath, key);
        using (var store = LedgerNode.Open(data))
        {
            foreach (var (block, receipts) in chain.Blocks)
            {
                var applied = store.Apply(block, SignatureChecks.BlockOnly);
                if (applied.Code != Core.Primitives.ResultCode.Ok) throw new InvalidOperationException($"recorded block {block.Header.Height} does not apply: {applied.Code}");
                store.Persist(block, receipts);
            }
        }

        var ledger = new SingleNodeLedger(data);
        var index = new MemoryChainIndex();
        index.IndexRange(chain.Blocks);
        var app = Server.NodeApi.Build(new Server.NodeApiOptions("http://127.0.0.1:0") { GenesisJson = json }, ledger, index);
        await app.StartAsync();
        var url = Server.NodeApi.BoundUrl(app);
        ledger.SelfApiUrl = url.ToString().TrimEnd('/');
        return new DashboardNode(root, ledger, index, app, url);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Ledger.DisposeAsync();
        Index.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
