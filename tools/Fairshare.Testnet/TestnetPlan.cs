using System.Collections.Immutable;
using System.Globalization;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Node.Storage;

namespace Fairshare.Testnet;

/// <summary>
/// Everything <c>fairshare testnet up</c> decides before it starts a process: one genesis that lists every validator's
/// development key and funds every provider and client, free ports, a data directory per validator, and the command
/// line of every child. <see cref="WriteFiles"/> puts the validators' directories and the log folder on disk.
/// </summary>
public sealed class TestnetPlan
{
    /// <summary>FSH each provider starts with.</summary>
    public static readonly Amount ProviderFunds = Units.OneFsh * new Amount(10_000);

    /// <summary>FSH each client starts with.</summary>
    public static readonly Amount ClientFunds = Units.OneFsh * new Amount(1_000_000);

    /// <summary>The testnet genesis's minimum fee per transaction, in base units.</summary>
    public static readonly Amount MinFee = DevGenesis.DefaultMinFee;

    private TestnetPlan(TestnetOptions options, GenesisConfig genesis, ImmutableArray<TestnetMember> members)
    {
        Options = options;
        Genesis = genesis;
        Members = members;
    }

    /// <summary>What was asked for.</summary>
    public TestnetOptions Options { get; }

    /// <summary>The shared genesis.</summary>
    public GenesisConfig Genesis { get; }

    /// <summary>Every process, validators first, then providers, then clients.</summary>
    public ImmutableArray<TestnetMember> Members { get; }

    /// <summary>The validators.</summary>
    public IEnumerable<TestnetMember> Validators => Members.Where(m => m.Role == TestnetMember.Validator);

    /// <summary>The testnet's log folder.</summary>
    public string LogsPath => Path.Combine(Options.Directory, "logs");

    /// <summary>The development key of a member of the testnet's chain.</summary>
    public static KeyPair DevKey(string name) => KeyPair.ForDevelopment(TestnetOptions.ChainId + "/" + name);

    /// <summary>Plans a testnet; <paramref name="nextPort"/> hands out free ports (see <see cref="FreePorts"/>).</summary>
    public static TestnetPlan Create(TestnetOptions options, Func<int> nextPort, ulong genesisTimeMs)
    {
        if (options.Validators is < 1 or > 15) throw new TestnetUsageException("--validators must be between 1 and 15");
        if (options.Providers is < 0 or > 64) throw new TestnetUsageException("--providers must be between 0 and 64");
        if (options.Clients is < 0 or > 64) throw new TestnetUsageException("--clients must be between 0 and 64");
        if (options.MaxBlockTxs is < 1 or > 100_000) throw new TestnetUsageException("--max-block-txs must be between 1 and 100000");
        if (options.Senders is < 0 or > 100_000) throw new TestnetUsageException("--senders must be between 0 and 100000");
        if (options.BlockTimeMs is < 10 or > 60_000) throw new TestnetUsageException("--block-time-ms must be between 10 and 60000");
        if (options.IdleBlockMs is { } idleMs && (!options.SkipEmptyBlocks || idleMs < options.BlockTimeMs || idleMs > 86_400_000))
            throw new TestnetUsageException($"--idle-block-ms needs --skip-empty-blocks and must be between --block-time-ms ({options.BlockTimeMs}) and 86400000");
        if (options.ClientDeadlineBlocks < 1 || options.ClientDeadlineBlocks > JobSpec.MaxDeadlineBlocks)
            throw new TestnetUsageException($"--client-deadline-blocks must be between 1 and {JobSpec.MaxDeadlineBlocks}");
        string root = Path.GetFullPath(options.Directory);
        options = options with { Directory = root };
        string logs = Path.Combine(root, "logs");

        var endpoints = Enumerable.Range(1, options.Validators)
            .Select(i => (Name: "validator-" + i, Api: $"http://127.0.0.1:{nextPort()}", Raft: $"127.0.0.1:{nextPort()}"))
            .ToList();
        var members = ImmutableArray.CreateBuilder<TestnetMember>();
        foreach (var v in endpoints)
        {
            string data = Path.Combine(root, v.Name);
            var args = new List<string> { "node", "start", "--data", data, "--api", v.Api, "--raft", v.Raft };
            foreach (var peer in endpoints.Where(p => p.Name != v.Name)) args.AddRange(["--peer", $"{peer.Raft}={peer.Api}"]);
            args.AddRange(["--block-time-ms", options.BlockTimeMs.ToString(CultureInfo.InvariantCulture)]);
            args.AddRange(["--rate-limit", options.RateLimit.ToString(CultureInfo.InvariantCulture)]);
            args.AddRange(["--max-block-txs", options.MaxBlockTxs.ToString(CultureInfo.InvariantCulture)]);
            if (options.SkipEmptyBlocks) args.Add("--skip-empty-blocks");
            if (options.IdleBlockMs is { } idle) args.AddRange(["--idle-block-ms", idle.ToString(CultureInfo.InvariantCulture)]);
            members.Add(new TestnetMember(TestnetMember.Validator, v.Name, v.Api, v.Raft, data, [.. args], Path.Combine(logs, v.Name + ".log")));
        }

        for (int i = 1; i <= options.Providers; i++)
        {
            string name = "provider-" + i, data = Path.Combine(root, name), node = endpoints[(i - 1) % endpoints.Count].Api;
            string price = (0.010m + (i - 1) * 0.001m).ToString("0.000", CultureInfo.InvariantCulture);
            // Every other validator as a fallback, so a provider outlives its validator (it would miss slots, and be slashed).
            var fallbacks = endpoints.Where(e => e.Api != node).SelectMany(e => new[] { "--fallback-node", e.Api });
            members.Add(new TestnetMember(TestnetMember.Provider, name, node, null, data,
                ["provider", "start", "--node", node, "--dev-key", name, "--data", data, "--blobs", Path.Combine(data, "blobs"), "--price", price, .. fallbacks],
                Path.Combine(logs, name + ".log")));
        }

        for (int i = 1; i <= options.Clients; i++)
        {
            string name = "client-" + i, data = Path.Combine(root, name), node = endpoints[(i - 1) % endpoints.Count].Api;
            var fallbacks = endpoints.Where(e => e.Api != node).SelectMany(e => new[] { "--fallback-node", e.Api });
            members.Add(new TestnetMember(TestnetMember.Client, name, node, null, data,
                ["client", "run", "--node", node, "--dev-key", name, "--data", data, "--jobs", options.ClientJobs.ToString(CultureInfo.InvariantCulture),
                    "--deadline-blocks", options.ClientDeadlineBlocks.ToString(CultureInfo.InvariantCulture), .. fallbacks],
                Path.Combine(logs, name + ".log")));
        }

        return new TestnetPlan(options, BuildGenesis(options, genesisTimeMs), members.ToImmutable());
    }

    /// <summary>Creates the testnet folder, the log folder and each validator's data directory (genesis, key, store).</summary>
    public void WriteFiles()
    {
        if (File.Exists(Path.Combine(Options.Directory, TestnetFile.FileName)))
            throw new TestnetUsageException($"{Options.Directory} already holds a testnet; run 'fairshare testnet down --dir {Options.Directory}' and remove it first");
        Directory.CreateDirectory(LogsPath);
        string json = GenesisWriter.ToJson(Genesis);
        foreach (var member in Members)
        {
            Directory.CreateDirectory(member.Directory);
            if (member.Role != TestnetMember.Validator) continue;
            var data = new DataDirectory(member.Directory);
            if (data.IsInitialized) throw new TestnetUsageException($"{member.Directory} already holds a chain; give a new --dir");
            File.WriteAllText(data.GenesisPath, json);
            using var key = DevKey(member.Name);
            NodeKeyFile.Write(data.NodeKeyPath, key);
            using (new SqliteChainStore(data.DatabasePath))
            {
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static GenesisConfig BuildGenesis(TestnetOptions options, ulong genesisTimeMs)
    {
        var genesis = DevGenesis.For(TestnetOptions.ChainId).At(genesisTimeMs).WithMinFee(MinFee)
            // Real processes poll over HTTP: give canary answers and heartbeats room (blocks come every ~200 ms).
            .WithParameter("market.expected-window-blocks", new Amount(50))
            .WithParameter("market.heartbeat-timeout-blocks", new Amount(300));
        for (int i = 1; i <= options.Validators; i++)
        {
            using var key = DevKey("validator-" + i);
            genesis = genesis.WithValidator(key.PublicKey);
        }

        genesis = Fund(genesis, "provider-", options.Providers, Cohort.Providers, ProviderFunds);
        genesis = Fund(genesis, "client-", options.Clients, Cohort.Community, ClientFunds);
        return Fund(genesis, "sender-", options.Senders, Cohort.Community, ClientFunds).Build();
    }

    private static DevGenesis Fund(DevGenesis genesis, string prefix, int count, Cohort cohort, Amount amount)
    {
        for (int i = 1; i <= count; i++)
        {
            using var key = DevKey(prefix + i);
            genesis = genesis.Fund(key.Address, cohort, prefix + i, amount);
        }

        return genesis;
    }
}
