using System.CommandLine;
using System.Collections.Immutable;
using System.Net;
using Fairshare.Cli.Output;
using Fairshare.Node.Blobs;
using Fairshare.Node.Chain;
using Fairshare.Node.Cluster;
using Fairshare.Node.Indexing;
using Fairshare.Node.Wallet;
using Fairshare.Server;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare node start</c>: a validator process. It joins (or, alone, forms) a Raft cluster on its data directory,
/// serves the HTTP API, feeds the read-side index, and stops cleanly on Ctrl+C or SIGTERM. An encrypted node key opens
/// with $FAIRSHARE_PASSPHRASE (else a prompt at a terminal). <c>fairshare node encrypt-key</c> encrypts a plain one.
/// </summary>
public static class NodeCommand
{
    /// <summary>The error code of <c>node encrypt-key</c> on a key that is encrypted already.</summary>
    private const string AlreadyEncryptedCode = "already_encrypted";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "the HTTP API's base URL to listen on (loopback by default)", DefaultValueFactory = _ => NodeApiOptions.DefaultListenUrl };
        var raft = new Option<string>("--raft") { Description = "HOST:PORT where this validator takes Raft traffic (TCP)", DefaultValueFactory = _ => "127.0.0.1:7071" };
        var peers = new Option<string[]>("--peer")
        {
            Description = "another validator as RAFTHOST:PORT=APIURL (repeat for each); none: a cluster of one, the embedded default",
            AllowMultipleArgumentsPerToken = false,
        };
        var blockTime = new Option<int>("--block-time-ms") { Description = "the leader makes a block at least this often (empty ones too, so market deadlines move)", DefaultValueFactory = _ => 200 };
        var maxBlock = new Option<int>("--max-block-txs") { Description = "the most transactions in one block", DefaultValueFactory = _ => 5000 };
        var index = new Option<string>("--index") { Description = "the read-side index: sqlite (index.db in the data directory) or postgres", DefaultValueFactory = _ => "sqlite" };
        var postgres = new Option<string?>("--postgres") { Description = "the PostgreSQL connection string for --index postgres (scripts/postgres.sh url prints one)" };
        var schema = new Option<string>("--postgres-schema") { Description = "the PostgreSQL schema of this chain's index", DefaultValueFactory = _ => "fairshare" };
        var rate = new Option<int>("--rate-limit") { Description = "API requests per second per client IP (0: no limit)", DefaultValueFactory = _ => 200 };
        var checks = new Option<int>("--signature-checks")
        {
            Description = "transaction signatures per second each client address may have this node verify (its bucket holds one largest batch; 0: no budget; off with --rate-limit 0)",
            DefaultValueFactory = _ => 5_000,
        };
        var proxies = new Option<string[]>("--trusted-proxy")
        {
            Description = "a reverse proxy in front of this node (an IP address or a CIDR network; repeatable): its X-Forwarded-For names the client a rate-limit bucket belongs to; from anyone else the header is ignored",
            AllowMultipleArgumentsPerToken = false,
        };
        var trustLeader = new Option<bool>("--trust-leader")
        {
            Description = "do not re-verify the transaction signatures of blocks this validator did not propose (for measurements only: a lying leader could then commit forged transactions)",
        };
        var logs = new LogOptions();
        var idle = new IdleBlockOptions();
        var blobs = new NodeBlobOptions();
        var start = new Command("start", """
            Run a validator: recover the chain from the data directory, join the Raft cluster of --peer members (alone
            without peers), serve the HTTP API and web dashboard at --api (/, /v1, /health, /metrics, /openapi/v1.json, /reference), and
            index every committed block. The leader batches submitted transactions into blocks; every validator
            re-executes each block, verifies every transaction signature in it, checks its state root and signs its header. Stops cleanly on Ctrl+C or SIGTERM.
            Logs (leader changes, peers, committed blocks, refusals) go to standard output: --log-level, --log-format
            (with json, every line of standard output is one JSON object, the start and stop included).
            """)
        {
            api, raft, peers, blockTime, maxBlock, index, postgres, schema, rate, checks, proxies, trustLeader,
        };
        logs.AddTo(start);
        idle.AddTo(start);
        blobs.AddTo(start);
        start.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var settings = new NodeSettings(
                ParseApi(parsed.GetValue(api)!),
                ParseEndpoint(parsed.GetValue(raft)!, "--raft"),
                [.. (parsed.GetValue(peers) ?? []).Select(ParsePeer)],
                parsed.GetValue(blockTime),
                parsed.GetValue(maxBlock),
                ParseIndex(parsed.GetValue(index)!, parsed.GetValue(postgres), parsed.GetValue(schema)!),
                parsed.GetValue(rate),
                parsed.GetValue(checks),
                [.. (parsed.GetValue(proxies) ?? []).Select(ParseProxy)],
                !parsed.GetValue(trustLeader),
                logs.Read(parsed),
                blobs.Read(parsed));
            if (settings.BlockTimeMs is < 10 or > 60_000) throw new CliUsageException("--block-time-ms must be between 10 and 60000");
            if (settings.MaxBlockTransactions is < 1 or > 100_000) throw new CliUsageException("--max-block-txs must be between 1 and 100000");
            if (settings.RateLimit < 0) throw new CliUsageException("--rate-limit must be 0 (off) or positive");
            if (settings.SignatureChecks < 0) throw new CliUsageException("--signature-checks must be 0 (off) or positive");
            var (skipEmpty, idleInterval) = idle.Read(parsed, settings.BlockTimeMs);
            return RunAsync(context, settings, skipEmpty, idleInterval).GetAwaiter().GetResult();
        }));
        var encryptKey = new Command("encrypt-key", """
            Encrypt this validator's plain key file (node_key.json in the data directory) with a passphrase
            ($FAIRSHARE_PASSPHRASE, else asked twice at a terminal; not empty), as wallet keys are: the encrypted file is
            written beside it with mode 0600 and renamed over it. 'node start' then needs the passphrase. Refuses a key
            that is encrypted already.
            """);
        encryptKey.SetAction(parsed => CliApp.RunLocal(parsed, "node encrypt-key", writesStore: false, EncryptKey));
        var command = new Command("node", "Run a validator node (HTTP API + Raft replication), or encrypt its key.") { start, encryptKey };
        return command;
    }

    private static int EncryptKey(CliContext context)
    {
        var data = context.Data;
        string path = data.NodeKeyPath;
        if (!File.Exists(path))
            throw new UserFacingException("not_initialized", $"no node key in {data.Root}: run 'fairshare init' first (or pass --data DIR)");
        // Checked before the passphrase is asked for; Encrypt checks again.
        if (NodeKeyFile.IsEncrypted(path))
            return context.Fail(AlreadyEncryptedCode, $"the node key {path} is encrypted already; it was left as it was");

        var result = NodeKeyFile.Encrypt(path, Passphrases.ForNewNodeKey());
        if (!result.IsOk)
        {
            return context.Fail(result.Error == KeystoreError.AlreadyEncrypted ? AlreadyEncryptedCode : NodeKeyFile.InvalidCode,
                result.Message ?? result.Error.ToString());
        }

        if (context.Json)
        {
            context.WriteJson(new System.Text.Json.Nodes.JsonObject
            {
                ["path"] = path,
                ["validator"] = result.Value.PublicKey,
                ["nodeKeyEncrypted"] = true,
            });
        }
        else
        {
            context.Console.MarkupLine($"[green]encrypted[/] the node key {Markup.Escape(path)} (validator [grey]{result.Value.PublicKey}[/])");
            context.Console.MarkupLine($"   'node start' now needs its passphrase: {Passphrases.EnvironmentVariable}, or a prompt at a terminal");
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> RunAsync(CliContext context, NodeSettings settings, bool skipEmptyBlocks, TimeSpan idleBlockInterval)
    {
        var data = context.Data;
        if (!data.IsInitialized)
            throw new UserFacingException("not_initialized", $"no chain in {data.Root}: run 'fairshare init' first (or pass --data DIR)");
        if (RunningNode.TryRead(data) is { } running && running.Pid != Environment.ProcessId)
            throw new UserFacingException("node_running", $"a node (pid {running.Pid}, {running.ApiUrl}) already runs on {data.Root}");
        using var shutdown = new ShutdownSignal();
        using var logging = settings.Logging.CreateFactory();
        var log = logging.CreateLogger(CliLog.NodeCategory);
        try
        {
            return await ServeAsync(context, settings, skipEmptyBlocks, idleBlockInterval, logging, log, shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM before the node was up (systemd stopping a unit that is starting): a clean stop too.
            log.NodeStoppedWhileStarting();
            return ExitCodes.Ok;
        }
    }

    /// <summary>Starts the validator and its API, then serves until <paramref name="stop"/>; stops both cleanly.</summary>
    private static async Task<int> ServeAsync(
        CliContext context, NodeSettings settings, bool skipEmptyBlocks, TimeSpan idleBlockInterval, ILoggerFactory logging, ILogger log, CancellationToken stop)
    {
        var data = context.Data;
        using var index = ChainIndexes.Open(settings.Index, data);
        var members = settings.Peers.Add(new ClusterMember(settings.Raft, settings.Api.AbsoluteUri));
        var options = new RaftLedgerOptions(data, settings.Raft, settings.Api.AbsoluteUri, members)
        {
            BlockTime = TimeSpan.FromMilliseconds(settings.BlockTimeMs),
            SkipEmptyBlocks = skipEmptyBlocks,
            IdleBlockInterval = idleBlockInterval,
            MaxBlockTransactions = settings.MaxBlockTransactions,
            FollowersVerifyTransactionSignatures = settings.VerifyTransactionSignatures,
            Index = index,
            Logging = logging,
            NodeKeyPassphrase = Passphrases.ForNodeKey,
        };
        await using var ledger = await RaftLedgerService.StartAsync(options, stop).ConfigureAwait(false);
        var apiOptions = new NodeApiOptions(settings.Api.GetLeftPart(UriPartial.Authority), RateLimitPerSecond: settings.RateLimit)
        {
            TrustedProxies = settings.TrustedProxies,
            SignatureChecksPerSecond = settings.SignatureChecks,
            GenesisJson = await File.ReadAllTextAsync(data.GenesisPath, stop).ConfigureAwait(false),
            Logging = logging,
            Blobs = settings.Blobs,
        };
        await using var app = NodeApi.Build(apiOptions, ledger, index);
        // Not cancelled midway (binding takes milliseconds): a stop asked for meanwhile ends the wait below at once.
        await app.StartAsync(CancellationToken.None).ConfigureAwait(false);
        var head = ledger.Head;
        string boundApi = NodeApi.BoundUrl(app).ToString(), indexKind = settings.Index.Kind.ToString().ToLowerInvariant();
        if (settings.Logging.Json)
        {
            // Standard output holds JSON log lines only: the start is an event with the fields of --json's document.
            log.NodeStarted(ledger.Genesis.ChainId, head.Height, ledger.Validator.ToString(), boundApi, settings.Raft.ToString(), members.Length, indexKind);
        }
        else if (!context.Json)
        {
            context.Console.MarkupLine($"[green]node started[/] chain [bold]{Markup.Escape(ledger.Genesis.ChainId)}[/] at height {head.Height}, validator {ledger.Validator.ToString()[..16]}…");
            context.Console.MarkupLine($"   api {Markup.Escape(boundApi)} (dashboard: /, reference: /reference, metrics: /metrics)");
            context.Console.MarkupLine($"   raft {settings.Raft}, {members.Length} member(s); index {indexKind}; Ctrl+C stops it");
        }
        else
        {
            context.WriteJson(new System.Text.Json.Nodes.JsonObject
            {
                ["chainId"] = ledger.Genesis.ChainId,
                ["height"] = head.Height,
                ["api"] = boundApi,
                ["raft"] = settings.Raft.ToString(),
                ["members"] = members.Length,
            });
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        // The ledger stops here (not at the end of the scope), so "stopped" is the last thing the node says.
        await ledger.DisposeAsync().ConfigureAwait(false);
        if (settings.Logging.Json) log.NodeStopped(ledger.Head.Height);
        else if (!context.Json) context.Console.MarkupLine($"[grey]node stopped at height {ledger.Head.Height}[/]");
        return ExitCodes.Ok;
    }

    private static Uri ParseApi(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.Port <= 0)
            throw new CliUsageException($"--api '{text}' is not an http URL with a port, e.g. http://127.0.0.1:7070");
        return CliApp.AsBase(url);
    }

    private static IPEndPoint ParseEndpoint(string text, string option) =>
        IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port > 0
            ? endpoint
            : throw new CliUsageException($"{option} '{text}' is not HOST:PORT with an IP address, e.g. 127.0.0.1:7071");

    private static ClusterMember ParsePeer(string text)
    {
        int split = text.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0) throw new CliUsageException($"--peer '{text}' must be RAFTHOST:PORT=APIURL, e.g. 127.0.0.1:7081=http://127.0.0.1:7080");
        var raft = ParseEndpoint(text[..split], "--peer");
        var api = ParseApi(text[(split + 1)..]);
        return new ClusterMember(raft, api.AbsoluteUri);
    }

    private static IPNetwork ParseProxy(string text)
    {
        if (IPNetwork.TryParse(text, out var network)) return network;
        if (IPAddress.TryParse(text, out var address)) return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        throw new CliUsageException($"--trusted-proxy '{text}' is not an IP address or a CIDR network, e.g. 10.0.0.5 or 10.0.0.0/24");
    }

    private static ChainIndexOptions ParseIndex(string kind, string? connection, string schema)
    {
        if (!ChainIndexOptions.TryParseKind(kind, out var parsed)) throw new CliUsageException($"--index '{kind}' must be sqlite or postgres");
        if (parsed == ChainIndexKind.Sqlite) return ChainIndexOptions.Sqlite;
        var text = connection ?? Environment.GetEnvironmentVariable("FAIRSHARE_POSTGRES");
        if (string.IsNullOrWhiteSpace(text))
            throw new CliUsageException("--index postgres needs --postgres CONNSTRING (or $FAIRSHARE_POSTGRES); 'bash scripts/postgres.sh url' prints one");
        return ChainIndexOptions.Postgres(text, schema);
    }

    private sealed record NodeSettings(
        Uri Api,
        IPEndPoint Raft,
        ImmutableArray<ClusterMember> Peers,
        int BlockTimeMs,
        int MaxBlockTransactions,
        ChainIndexOptions Index,
        int RateLimit,
        int SignatureChecks,
        ImmutableArray<IPNetwork> TrustedProxies,
        bool VerifyTransactionSignatures,
        LogSettings Logging,
        BlobQuotaOptions Blobs);
}
