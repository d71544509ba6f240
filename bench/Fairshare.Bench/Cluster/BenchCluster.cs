using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Fairshare.Testnet;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Crypto;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Cluster;

/// <summary>
/// A throw-away local cluster for <c>fairshare bench cluster</c>: a temporary folder, one genesis that lists N
/// validators' development keys and funds the benchmark's senders (no providers, no clients), free ports, and one
/// <c>fairshare node start</c> process per validator (API rate limit off). <see cref="Dispose"/> stops every process
/// and deletes the folder.
/// </summary>
public sealed class BenchCluster : IDisposable
{
    /// <summary>The fee every benchmark transfer pays (the testnet genesis's minimum).</summary>
    public static Amount Fee => TestnetPlan.MinFee;

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private readonly ProcessSupervisor _supervisor = new();
    private readonly CliLauncher _launcher;
    private readonly Dictionary<string, SupervisedProcess> _running = [];

    private BenchCluster(string root, ImmutableArray<TestnetMember> validators, CliLauncher launcher)
    {
        Root = root;
        Validators = validators;
        _launcher = launcher;
    }

    /// <summary>The cluster's temporary folder.</summary>
    public string Root { get; }

    /// <summary>The validators, as planned (name, API URL, Raft endpoint, data directory, command line, log).</summary>
    public ImmutableArray<TestnetMember> Validators { get; }

    /// <summary>The benchmark chain's id: the testnet's (development keys are named under it).</summary>
    public static string ChainId => TestnetOptions.ChainId;

    /// <summary>The development key of sender <paramref name="index"/> (0-based; the plan funds <c>sender-1..N</c>).</summary>
    public static KeyPair SenderKey(int index) => TestnetPlan.DevKey("sender-" + (index + 1).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Plans the cluster in a new temporary folder, writes every validator's data directory and starts the processes
    /// (it does not wait for them: see <see cref="WaitForLeaderAsync"/>). With <paramref name="skipEmptyBlocks"/> every
    /// validator runs with <c>--skip-empty-blocks</c> (and <c>--idle-block-ms</c> when <paramref name="idleBlockMs"/> is given).
    /// </summary>
    public static BenchCluster Start(int validators, int senders, int blockTimeMs, int maxBlockTxs, CliLauncher launcher, bool skipEmptyBlocks = false, int? idleBlockMs = null)
    {
        string root = Path.Combine(Path.GetTempPath(), $"fairshare-bench-cluster-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}");
        var ports = new FreePorts();
        var options = new TestnetOptions(root, validators, Providers: 0, Clients: 0, BlockTimeMs: blockTimeMs, RateLimit: 0, Senders: senders, MaxBlockTxs: maxBlockTxs)
        {
            SkipEmptyBlocks = skipEmptyBlocks,
            IdleBlockMs = idleBlockMs,
        };
        var plan = TestnetPlan.Create(options, ports.Next, (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var members = plan.Members;
        var cluster = new BenchCluster(root, members, launcher);
        try
        {
            plan.WriteFiles();
            foreach (var member in members) cluster.Launch(member);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>The API URL of a validator.</summary>
    public static Uri Api(TestnetMember member) => new(member.ApiUrl);

    /// <summary>Whether the validator's process runs.</summary>
    public bool IsRunning(TestnetMember member) => _running.TryGetValue(member.Name, out var child) && _supervisor.IsRunning(child);

    /// <summary>
    /// Waits until every running validator answers <c>/health</c> and one of them reports itself leader; returns it.
    /// Throws a <see cref="UserFacingException"/> when a process exits or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<TestnetMember> WaitForLeaderAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var running = Validators.Where(IsRunning).ToList();
        var clients = running.Select(v => new FairshareClient(Api(v), TimeSpan.FromSeconds(2))).ToList();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < timeout)
            {
                ct.ThrowIfCancellationRequested();
                if (running.FirstOrDefault(v => !IsRunning(v)) is { } dead)
                    throw new UserFacingException("validator_exited", $"{dead.Name} exited while starting; see {dead.LogPath}");
                bool healthy = true;
                foreach (var client in clients) healthy &= await client.IsHealthyAsync(ct).ConfigureAwait(false);
                if (healthy)
                {
                    for (int i = 0; i < clients.Count; i++)
                    {
                        if (await TryStatusAsync(clients[i], ct).ConfigureAwait(false) is { Role: "leader" }) return running[i];
                    }
                }

                await Task.Delay(50, ct).ConfigureAwait(false);
            }

            throw new UserFacingException("cluster_not_ready", $"the validators did not elect a leader within {timeout.TotalSeconds:N0} s; see the logs in {Path.Combine(Root, "logs")}");
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>SIGKILLs a validator's process (no clean shutdown) and waits for it to be gone.</summary>
    public void Kill(TestnetMember member)
    {
        var child = _running[member.Name];
        using (var process = Process.GetProcessById(child.Pid))
        {
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _running.Remove(member.Name);
    }

    /// <summary>
    /// Stops a validator cleanly (SIGTERM; killed only after the grace period), so its SQLite stores are checkpointed
    /// and closed; returns whether it had to be killed.
    /// </summary>
    public bool Stop(TestnetMember member)
    {
        var child = _running[member.Name];
        _running.Remove(member.Name);
        return ProcessSupervisor.Stop(child.Pid, child.StartedAt, Grace);
    }

    /// <summary>Starts a validator again on its data directory with the same command line.</summary>
    public void Restart(TestnetMember member)
    {
        // A killed node leaves its node.json behind; the new process takes it over (it names a pid that is gone).
        Launch(member);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _supervisor.StopAll(Grace);
        _supervisor.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        for (int attempt = 0; attempt < 5 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>The node's status, or null when it does not answer.</summary>
    public static async Task<NodeStatus?> TryStatusAsync(FairshareClient client, CancellationToken ct)
    {
        try
        {
            return await client.GetStatusAsync(ct).ConfigureAwait(false);
        }
        catch (FairshareApiException)
        {
            return null;
        }
    }

    private void Launch(TestnetMember member)
    {
        _running[member.Name] = _supervisor.Start(member.Name, _launcher.FileName, _launcher.Arguments(member.Arguments), member.LogPath,
            new Dictionary<string, string> { ["NO_COLOR"] = "1" });
    }
}
