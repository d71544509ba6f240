using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Node.Cluster;
using Fairshare.Testing;

namespace Fairshare.Node.Tests.Cluster;

/// <summary>
/// Validators of one chain on 127.0.0.1 in this process: a data directory each (genesis listing every member's key),
/// free Raft ports, members started and stopped one by one; funded sender keys for load.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly string _root;
    private readonly Func<RaftLedgerOptions, RaftLedgerOptions> _configure;
    private readonly ulong[] _nonces;

    private TestCluster(string root, ImmutableArray<ClusterMember> members, ImmutableArray<DataDirectory> data, ImmutableArray<KeyPair> senders, Func<RaftLedgerOptions, RaftLedgerOptions> configure)
    {
        _root = root;
        Members = members;
        Data = data;
        Senders = senders;
        _configure = configure;
        _nonces = new ulong[senders.Length];
        Nodes = new RaftLedgerService?[members.Length];
    }

    /// <summary>Every member.</summary>
    public ImmutableArray<ClusterMember> Members { get; }

    /// <summary>Each member's data directory.</summary>
    public ImmutableArray<DataDirectory> Data { get; }

    /// <summary>Funded keys that send transfers.</summary>
    public ImmutableArray<KeyPair> Senders { get; }

    /// <summary>The running members (null: stopped).</summary>
    public RaftLedgerService?[] Nodes { get; }

    /// <summary>The running members.</summary>
    public IEnumerable<RaftLedgerService> Running => Nodes.OfType<RaftLedgerService>();

    /// <summary>
    /// Creates the directories and genesis (<paramref name="genesis"/>, else <see cref="TestChain.CreateGenesis"/>'s, with
    /// the members as validators and the senders funded); starts nothing.
    /// </summary>
    public static TestCluster Create(int members, int senders = 4, Func<RaftLedgerOptions, RaftLedgerOptions>? configure = null, GenesisConfig? genesis = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "fairshare-cluster-" + Guid.NewGuid().ToString("N"));
        var validatorKeys = Enumerable.Range(0, members).Select(i => KeyPair.ForDevelopment($"cluster-validator-{i}")).ToList();
        var senderKeys = Enumerable.Range(0, senders).Select(i => KeyPair.ForDevelopment($"cluster-sender-{i}")).ToImmutableArray();
        var baseGenesis = genesis ?? TestChain.CreateGenesis();
        var chainGenesis = baseGenesis with
        {
            Validators = [.. validatorKeys.Select(k => k.PublicKey)],
            Allocations = baseGenesis.Allocations.AddRange(senderKeys.Select((k, i) =>
                new GenesisAllocation(k.Address, Cohort.Airdrop, $"sender-{i}", TestChain.StartingBalance, null))),
        };
        var json = GenesisWriter.ToJson(chainGenesis);
        var data = ImmutableArray.CreateBuilder<DataDirectory>();
        var clusterMembers = ImmutableArray.CreateBuilder<ClusterMember>();
        for (int i = 0; i < members; i++)
        {
            var directory = new DataDirectory(Path.Combine(root, $"v{i}"));
            Directory.CreateDirectory(directory.Root);
            File.WriteAllText(directory.GenesisPath, json);
            NodeKeyFile.Write(directory.NodeKeyPath, validatorKeys[i]);
            validatorKeys[i].Dispose();
            data.Add(directory);
            int port = FreePort();
            clusterMembers.Add(new ClusterMember(new IPEndPoint(IPAddress.Loopback, port), $"http://127.0.0.1:{FreePort()}"));
        }

        return new TestCluster(root, clusterMembers.ToImmutable(), data.ToImmutable(), senderKeys, configure ?? (o => o));
    }

    /// <summary>Starts member <paramref name="index"/> on its data directory.</summary>
    public async Task<RaftLedgerService> StartAsync(int index)
    {
        var member = Members[index];
        var options = _configure(new RaftLedgerOptions(Data[index], member.Raft, member.ApiUrl, Members) { BlockTime = TimeSpan.FromMilliseconds(50) });
        var node = await RaftLedgerService.StartAsync(options, CancellationToken.None);
        Nodes[index] = node;
        return node;
    }

    /// <summary>Starts every member.</summary>
    public async Task StartAllAsync()
    {
        for (int i = 0; i < Members.Length; i++) await StartAsync(i);
    }

    /// <summary>Stops member <paramref name="index"/>.</summary>
    public async Task StopAsync(int index)
    {
        var node = Nodes[index];
        Nodes[index] = null;
        if (node is not null) await node.DisposeAsync();
    }

    /// <summary>The index of the running member that leads, waiting for one (up to the deadline).</summary>
    public async Task<int> WaitForLeaderAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            for (int i = 0; i < Nodes.Length; i++)
            {
                if (Nodes[i] is { } node && node.Cluster.IsLeader) return i;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no member became leader");
    }

    /// <summary>Submits to whichever member leads (again after a leader change) until every outcome is final.</summary>
    public async Task<SubmitResult> SubmitToLeaderAsync(IReadOnlyList<SignedTransaction> transactions, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var leader = Nodes[await WaitForLeaderAsync(until - DateTime.UtcNow)]!;
            var result = await leader.SubmitAsync(transactions, wait: true, until - DateTime.UtcNow, CancellationToken.None);
            if (result.Status == SubmitStatus.Accepted && result.Outcomes.All(o => !o.IsPending)) return result;
            if (DateTime.UtcNow > until) throw new TimeoutException("the transactions were not committed in time");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling), or fails after the deadline.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>A signed transfer from sender <paramref name="sender"/> with its next nonce (tracked here).</summary>
    public SignedTransaction Transfer(int sender, ulong amount = 1) =>
        Sign(sender, new TransferPayload(Senders[(sender + 1) % Senders.Length].Address, AssetId.Fsh, new Amount(amount)));

    /// <summary>A signed transaction of any kind from sender <paramref name="sender"/> with its next nonce (tracked here).</summary>
    public SignedTransaction Sign(int sender, TxPayload payload) =>
        SignedTransaction.Sign(new Transaction(TestChain.Id, _nonces[sender]++, TestChain.MinFee, payload), Senders[sender]);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        for (int i = 0; i < Nodes.Length; i++) await StopAsync(i);
        foreach (var key in Senders) key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
