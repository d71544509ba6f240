using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Node.Cluster;
using Fairshare.Testing;
using Microsoft.AspNetCore.Builder;

namespace Fairshare.Server.Tests.Support;

/// <summary>
/// A node for one test class: a fresh data directory with the test chain's genesis (plus a funded provider key), a
/// <see cref="SingleNodeLedger"/>, an in-memory index, and the real API on 127.0.0.1 with a free port, reached through
/// the SDK. Dispose stops the server and deletes the directory.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    /// <summary>The provider key the genesis funds with 10,000 FSH.</summary>
    public const string ProviderName = "provider-1";

    private readonly string _root;

    private TestNode(string root, DataDirectory data, string genesisJson, SingleNodeLedger ledger, MemoryChainIndex? index, WebApplication app, Uri url)
    {
        _root = root;
        Data = data;
        GenesisJson = genesisJson;
        Ledger = ledger;
        Index = index;
        App = app;
        Url = url;
        Client = new FairshareClient(url);
    }

    public DataDirectory Data { get; }

    public string GenesisJson { get; }

    public SingleNodeLedger Ledger { get; }

    public MemoryChainIndex? Index { get; }

    public WebApplication App { get; }

    public Uri Url { get; }

    public FairshareClient Client { get; }

    public TestChain Keys { get; } = TestChain.Create();

    /// <summary>
    /// Starts a node; <paramref name="options"/> changes the API options (the listen URL is always 127.0.0.1:0), and
    /// <paramref name="genesisJson"/> replaces the test chain's genesis (its helpers then sign for a chain it is not).
    /// </summary>
    public static async Task<TestNode> StartAsync(Func<NodeApiOptions, NodeApiOptions>? options = null, bool withIndex = true, string? genesisJson = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "fairshare-server-test-" + Guid.NewGuid().ToString("N"));
        var data = new DataDirectory(root);
        Directory.CreateDirectory(root);
        var genesis = TestChain.CreateGenesis();
        var provider = KeyPair.ForDevelopment(ProviderName).Address;
        genesis = genesis with
        {
            Allocations = genesis.Allocations.Add(new GenesisAllocation(provider, Cohort.Airdrop, ProviderName, new Amount(10_000) * Units.OneFsh, null)),
        };
        var json = genesisJson ?? GenesisWriter.ToJson(genesis);
        File.WriteAllText(data.GenesisPath, json);
        using (var key = KeyPair.ForDevelopment("test-validator")) NodeKeyFile.Write(data.NodeKeyPath, key);

        var ledger = new SingleNodeLedger(data);
        var index = withIndex ? new MemoryChainIndex() : null;
        if (index is not null) ledger.BlockCommitted += (_, e) => index.Index(e.Block, e.Receipts);
        var apiOptions = new NodeApiOptions("http://127.0.0.1:0") { GenesisJson = json };
        if (options is not null) apiOptions = options(apiOptions) with { ListenUrl = "http://127.0.0.1:0" };
        var app = NodeApi.Build(apiOptions, ledger, index);
        await app.StartAsync();
        var url = NodeApi.BoundUrl(app);
        ledger.SelfApiUrl = url.ToString().TrimEnd('/');
        return new TestNode(root, data, json, ledger, index, app, url);
    }

    /// <summary>A transaction signed by a named development key with its next nonce.</summary>
    public SignedTransaction Sign(string from, TxPayload payload, ulong nonceOffset = 0)
    {
        var key = Keys.Key(from);
        ulong nonce = Ledger.Read(state => state.Find(key.Address)?.Nonce ?? 0) + nonceOffset;
        return SignedTransaction.Sign(new Transaction(TestChain.Id, nonce, TestChain.MinFee, payload), key);
    }

    /// <summary>A plain FSH transfer between named keys.</summary>
    public SignedTransaction Transfer(string from, string to, ulong amount, ulong nonceOffset = 0) =>
        Sign(from, new TransferPayload(Keys.Key(to).Address, AssetId.Fsh, new Amount(amount)), nonceOffset);

    /// <summary>Submits through the SDK and fails unless every transaction committed.</summary>
    public async Task<ulong> CommitAsync(params SignedTransaction[] transactions)
    {
        var response = await Client.SubmitAsync(transactions);
        var refused = response.Results.Where(r => !r.IsCommitted).ToList();
        Assert.True(refused.Count == 0, "refused: " + string.Join(", ", refused.Select(r => r.Code)));
        return response.Results[0].Height!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Ledger.DisposeAsync();
        Index?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
