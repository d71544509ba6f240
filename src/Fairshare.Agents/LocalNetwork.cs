using System.Collections.Immutable;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Sandbox;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Agents;

/// <summary>
/// A whole network in one process on the embedded default: one validator node on a SQLite data directory, one
/// content-addressed blob store that every agent reaches (as they would over HTTP), and provider and client agents.
/// Each <see cref="Step"/> is one block: every agent looks at the committed state and sends its transactions, signed
/// with its key and its next nonces, and the node verifies, executes and stores the block (its end-of-block step
/// matches jobs, checks deadlines and settles). Agents act in a fixed order, so a run is reproducible.
/// </summary>
public sealed class LocalNetwork : IDisposable
{
    private readonly List<KeyPair> _keys = [];
    private readonly JobExecutor _executor;

    private LocalNetwork(NetworkSetup setup, LedgerNode node, JobExecutor executor, ImmutableArray<ProviderAgent> providers, ImmutableArray<ClientAgent> clients, List<KeyPair> keys)
    {
        Setup = setup;
        Node = node;
        _executor = executor;
        Providers = providers;
        Clients = clients;
        _keys = keys;
    }

    /// <summary>The setup it was created from.</summary>
    public NetworkSetup Setup { get; }

    /// <summary>The validator node.</summary>
    public LedgerNode Node { get; }

    /// <summary>What every provider agent runs its jobs with (one sandbox for all).</summary>
    public JobExecutor Executor => _executor;

    /// <summary>The shared blob store.</summary>
    public BlobStore Blobs => _executor.Blobs;

    /// <summary>The provider agents, in setup order.</summary>
    public ImmutableArray<ProviderAgent> Providers { get; private set; }

    /// <summary>The client agents, in setup order.</summary>
    public ImmutableArray<ClientAgent> Clients { get; }

    /// <summary>The committed state.</summary>
    public LedgerState State => Node.State;

    /// <summary>Transactions refused so far (an agent's mistake or a race it will retry), by code.</summary>
    public Dictionary<ResultCode, int> Refusals { get; } = [];

    /// <summary>
    /// Creates the data directory, genesis and agents; <paramref name="blobs"/> may be shared with the caller. The
    /// providers run jobs in <paramref name="sandbox"/> (default: in this process) on <paramref name="provider"/>
    /// (default: the CPU); the network disposes the sandbox.
    /// </summary>
    public static LocalNetwork Create(NetworkSetup setup, BlobStore? blobs = null, ISandbox? sandbox = null, ExecutionProvider? provider = null)
    {
        Directory.CreateDirectory(setup.Root);
        var data = new DataDirectory(Path.Combine(setup.Root, "chain"));
        Directory.CreateDirectory(data.Root);
        blobs ??= new BlobStore(Path.Combine(setup.Root, "blobs"));
        var keys = new List<KeyPair>();
        var validator = Remember(keys, KeyPair.ForDevelopment(setup.ChainId + "/validator"));
        var providerKeys = setup.Providers.Select(p => Remember(keys, KeyPair.ForDevelopment(setup.ChainId + "/" + p.Name))).ToList();
        var clientKeys = setup.Clients.Select(c => Remember(keys, KeyPair.ForDevelopment(setup.ChainId + "/" + c.Name))).ToList();
        var builder = DevGenesis.For(setup.ChainId).WithValidator(validator.PublicKey).WithParameters(setup.Parameters);
        for (int i = 0; i < providerKeys.Count; i++) builder = builder.Fund(providerKeys[i].Address, Cohort.Providers, setup.Providers[i].Name, setup.ProviderFunds);
        for (int i = 0; i < clientKeys.Count; i++) builder = builder.Fund(clientKeys[i].Address, Cohort.Community, setup.Clients[i].Name, setup.ClientFunds);
        var genesis = builder.Build();
        File.WriteAllText(data.GenesisPath, GenesisWriter.ToJson(genesis));
        NodeKeyFile.Write(data.NodeKeyPath, validator);
        var node = LedgerNode.Open(data, new SteppingClock((long)genesis.GenesisTimeMs + 1000, 1000));
        node.SnapshotInterval = 0;
        var executor = new JobExecutor(blobs, sandbox, provider);
        var providers = setup.Providers.Select((p, i) => new ProviderAgent(p, providerKeys[i], executor)).ToImmutableArray();
        var clients = setup.Clients.Select((c, i) => new ClientAgent(c, clientKeys[i])).ToImmutableArray();
        return new LocalNetwork(setup, node, executor, providers, clients, keys);
    }

    /// <summary>The key of a provider or client agent by name (for tests that act as that agent).</summary>
    public KeyPair KeyOf(string name) =>
        _keys.FirstOrDefault(k => k.Address == KeyPair.ForDevelopment(Setup.ChainId + "/" + name).Address)
        ?? throw new ArgumentException($"no agent named '{name}'", nameof(name));

    /// <summary>
    /// Replaces a provider agent with a fresh one (same key and profile, nothing in memory), as if its process had
    /// crashed: it must pick its slots up again from the chain and reveal the salts it committed to.
    /// </summary>
    public void RestartProvider(int index) =>
        Providers = Providers.SetItem(index, new ProviderAgent(Providers[index].Profile, KeyOf(Providers[index].Profile.Name), _executor));

    /// <summary>Produces one block from what every agent sends after the current state.</summary>
    public NetworkStep Step()
    {
        var state = Node.State;
        var transactions = new List<SignedTransaction>();
        foreach (var provider in Providers) Sign(state, provider.Address, provider.OnBlock(state), transactions);
        foreach (var client in Clients) Sign(state, client.Address, client.OnBlock(state), transactions);
        var outcome = Node.Commit(transactions, allowEmpty: true);
        foreach (var refused in outcome.Rejected) Refusals[refused.Code] = Refusals.GetValueOrDefault(refused.Code) + 1;
        var block = outcome.Produced?.Block ?? throw new InvalidOperationException("the node made no block although empty blocks are allowed");
        return new NetworkStep(block.Header.Height, block.Transactions.Length, outcome.Rejected);
    }

    /// <summary>Steps until every client's jobs have ended or <paramref name="maxBlocks"/> blocks were made; returns the blocks made.</summary>
    public int RunUntilClientsDone(int maxBlocks, Action<NetworkStep>? onStep = null)
    {
        for (int made = 0; made < maxBlocks; made++)
        {
            if (Clients.All(c => c.IsDone(State))) return made;
            var step = Step();
            onStep?.Invoke(step);
        }

        return maxBlocks;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Node.Dispose();
        _executor.Dispose();
        foreach (var key in _keys) key.Dispose();
    }

    private void Sign(LedgerState state, Address sender, IReadOnlyList<TxPayload> payloads, List<SignedTransaction> into)
    {
        if (payloads.Count == 0) return;
        var key = _keys.First(k => k.Address == sender);
        ulong nonce = state.Find(sender)?.Nonce ?? 0;
        foreach (var payload in payloads)
            into.Add(SignedTransaction.Sign(new Transaction(state.ChainId, nonce++, state.Params.MinFee, payload), key));
    }

    private static KeyPair Remember(List<KeyPair> keys, KeyPair key)
    {
        keys.Add(key);
        return key;
    }
}
