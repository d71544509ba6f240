using System.Collections.Concurrent;
using System.Collections.Immutable;
using Fairshare.Agents;
using Fairshare.Agents.Demo;
using Fairshare.Agents.Remote;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;

namespace Fairshare.Agents.Tests.Agents;

/// <summary>
/// Provider and client processes that reach the node only through a gateway (in process here, HTTP in the CLI), with
/// their own blob caches, real ONNX jobs, blocks on a timer, and submissions that do not block the agents' loops.
/// </summary>
public sealed class RemoteAgentTests : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-remote-" + Guid.NewGuid().ToString("N"));
    private readonly BlobStore _clientBlobs;
    private readonly DemoWorkload _workload;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly List<ProviderProcess> _providers = [];
    private LocalNetwork? _network;
    private LocalNodeGateway? _gateway;

    public RemoteAgentTests()
    {
        _clientBlobs = new BlobStore(Path.Combine(_root, "client-blobs"));
        _workload = DemoRunner.BuildWorkload(_clientBlobs, new JobExecutor(_clientBlobs), 4);
    }

    [Fact]
    public async Task ProviderAndClientProcesses_SettleRealJobs_ThroughTheGatewayOnly_AndRideOutAnUnreachableNode()
    {
        var plan = ImmutableArray.Create(
            Planned(0, VerificationPolicy.SpotCheck, 1),
            Planned(1, VerificationPolicy.Replicate, 2),
            Planned(2, VerificationPolicy.Canary, 1, canary: true),
            Planned(3, VerificationPolicy.SpotCheck, 1));
        var gateway = Start("run", providers: 2);
        foreach (var provider in _providers) provider.Start();

        var client = new ClientProcess(gateway, new ClientProfile("client", plan), _network!.KeyOf("client"), _clientBlobs, Log("client")) { PollInterval = Poll };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = client.RunAsync(timeout.Token);

        // The node goes away for a moment once jobs are on the chain; every loop must retry and carry on.
        await Until(() => MarketStore.Jobs(gateway.Snapshot()).Any(), "no job reached the chain");
        // It stays away until a loop has noticed, however slowly this machine schedules them.
        gateway.Reachable = false;
        await Until(() => _log.Any(line => line.Contains("node unreachable", StringComparison.Ordinal)), "no loop noticed the node was unreachable");
        await Task.Delay(300);
        gateway.Reachable = true;

        var summary = await run;
        Assert.True(summary.AllSettled, $"summary: {summary}\n{string.Join('\n', _log)}");
        Assert.Equal(Amount.Zero, summary.Locked - summary.Spent - summary.Refunded); // nothing left in escrow
        var state = gateway.Snapshot();
        foreach (var job in client.Agent!.Jobs(state))
            Assert.Equal(_workload.ReferenceOutputs[job.Plan.Spec.Input], job.Job!.AcceptedOutput);
        Assert.True(_providers.Sum(p => p.JobsHandled) >= plan.Length + 1, "each slot's reveal is one job handled");
        Assert.Contains(_log, line => line.Contains("node unreachable", StringComparison.Ordinal));
        // Outputs reached the node's store only through uploads (the node never ran anything).
        Assert.All(client.Agent.Jobs(state), j => Assert.True(gateway.Blobs.Contains(j.Job!.AcceptedOutput)));
    }

    [Fact]
    public async Task ProviderProcessCrashedMidJob_IsReplacedByAFreshOne_ThatStillRevealsAndTheJobsSettle()
    {
        var plan = ImmutableArray.Create(Planned(0, VerificationPolicy.Replicate, 2), Planned(1, VerificationPolicy.Replicate, 2));
        var gateway = Start("crash", providers: 2);
        // Provider 1 is slow (60 blocks), so provider 0 waits committed for a while (blocks slow down with the machine, so
        // the wait does too): the crash lands between its commit and its reveal.
        foreach (var provider in _providers) provider.Start();
        var client = new ClientProcess(gateway, new ClientProfile("client", plan), _network!.KeyOf("client"), _clientBlobs, Log("client")) { PollInterval = Poll };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = client.RunAsync(timeout.Token);

        var crashed = _providers[0];
        await Until(() => MarketStore.Jobs(gateway.Snapshot()).Any(j => j.Slots.Any(s => s.Provider == crashed.Agent.Address && s.Status == SlotStatus.Committed)),
            "provider 0 never committed");
        await crashed.DisposeAsync();
        _providers.Remove(crashed);
        var restarted = NewProvider(crashed.Agent.Profile, "prov-0-restarted");
        _providers.Add(restarted);
        restarted.Start();

        var summary = await run;
        Assert.True(summary.AllSettled, $"summary: {summary}\n{string.Join('\n', _log)}");
        Assert.True(restarted.JobsHandled >= 1, "the restarted provider revealed nothing");
        var state = gateway.Snapshot();
        Assert.All(MarketStore.Jobs(state).SelectMany(j => j.Slots), s => Assert.Equal(SlotStatus.Revealed, s.Status));
    }

    [Fact]
    public async Task ProvidersWhoseBlobFetchAndUploadFailOnce_RetryTheStep_AndTheJobSettles()
    {
        // The node goes away in the middle of a provider's step (fetching the job's blobs, uploading its output) rather
        // than between two polls: the step must be retried, not end the provider's loop.
        var plan = ImmutableArray.Create(Planned(0, VerificationPolicy.Replicate, 2));
        var gateway = Start("flaky", providers: 2);
        var flaky = new FailingOnceGateway(gateway);
        var profiles = _providers.Select(p => p.Agent.Profile).ToList();
        foreach (var provider in _providers) await provider.DisposeAsync();
        _providers.Clear();
        foreach (var profile in profiles) _providers.Add(NewProvider(profile, profile.Name, flaky));
        foreach (var provider in _providers) provider.Start();

        var client = new ClientProcess(gateway, new ClientProfile("client", plan), _network!.KeyOf("client"), _clientBlobs, Log("client")) { PollInterval = Poll };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var summary = await client.RunAsync(timeout.Token);

        Assert.True(summary.AllSettled, $"summary: {summary}\n{string.Join('\n', _log)}");
        Assert.Equal(2, _providers.Sum(p => p.JobsHandled));
        Assert.True(flaky.FailedGets >= 1 && flaky.FailedPuts >= 1, $"gets failed {flaky.FailedGets}, puts failed {flaky.FailedPuts}");
        Assert.Contains(_log, line => line.StartsWith("prov-", StringComparison.Ordinal) && line.Contains("node unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOutputTheNodeRefusesForGood_HoldsBackOnlyItsOwnReveal_AndTheOtherJobSettles()
    {
        // The node refuses job A's output (a non-transient code, as for a blob over its limit) until job B has
        // settled: a provider that let that refusal stop its whole step would never send B's commit or reveal either,
        // and both jobs would wait forever.
        var plan = ImmutableArray.Create(Planned(0, VerificationPolicy.Replicate, 2), Planned(1, VerificationPolicy.Replicate, 2));
        var gateway = Start("refusing", providers: 2);
        var refusing = new RefusingGateway(gateway, _workload.ReferenceOutputs[_workload.Inputs[0]], _workload.Inputs[1]);
        var profiles = _providers.Select(p => p.Agent.Profile).ToList();
        foreach (var provider in _providers) await provider.DisposeAsync();
        _providers.Clear();
        foreach (var profile in profiles) _providers.Add(NewProvider(profile, profile.Name, refusing));
        foreach (var provider in _providers) provider.Start();

        var client = new ClientProcess(gateway, new ClientProfile("client", plan), _network!.KeyOf("client"), _clientBlobs, Log("client")) { PollInterval = Poll };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var summary = await client.RunAsync(timeout.Token);

        Assert.True(summary.AllSettled, $"summary: {summary}\n{string.Join('\n', _log)}\n{Describe()}");
        Assert.Equal(4, _providers.Sum(p => p.JobsHandled));
        Assert.True(refusing.Refused >= 1, "the node never refused job A's output: the test did not exercise the refusal");
        Assert.Contains(_log, line => line.StartsWith("prov-", StringComparison.Ordinal) && line.Contains("reveal held back", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        if (_gateway is not null) await _gateway.DisposeAsync();
        _network?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private LocalNodeGateway Start(string name, int providers)
    {
        var profiles = Enumerable.Range(0, providers).Select(i => new ProviderProfile(
            "prov-" + i,
            new ProviderOffer(DeviceClass.Cpu, 16_384, 1_000, Units.OneFsh * new Amount(100 + (ulong)i * 10) / new Amount(10_000), 4, "test", 300, 50, "test machine"),
            Units.OneFsh * new Amount(1000), 1000,
            i == 1 && name == "crash" ? new ProviderBehavior(DelayBlocks: 60) : ProviderBehavior.Honest)).ToImmutableArray();
        var setup = new NetworkSetup(Path.Combine(_root, name), "fairshare-remote-" + name, profiles, [new ClientProfile("client", [])], [],
            Units.OneFsh * new Amount(2_000), Units.OneFsh * new Amount(1_000_000));
        _network = LocalNetwork.Create(setup, new BlobStore(Path.Combine(_root, name, "node-blobs")));
        _gateway = new LocalNodeGateway(_network.Node, _network.Blobs);
        _gateway.StartBlocks(TimeSpan.FromMilliseconds(30));
        foreach (var profile in profiles) _providers.Add(NewProvider(profile, profile.Name));
        return _gateway;
    }

    private ProviderProcess NewProvider(ProviderProfile profile, string cacheName, INodeGateway? gateway = null) =>
        new(gateway ?? _gateway!, profile, _network!.KeyOf(profile.Name), new BlobStore(Path.Combine(_root, "cache-" + cacheName + "-" + Guid.NewGuid().ToString("N"))), Log(cacheName))
        {
            PollInterval = Poll,
        };

    /// <summary>
    /// A job of the plan. Blocks come every 30 ms while the agents' retries back off for up to 5 s of wall-clock time, so
    /// the deadline is 2,000 blocks (a minute): an unreachable node or a loaded machine delays a slot, never fails it.
    /// </summary>
    private PlannedJob Planned(int index, VerificationPolicy policy, byte replicas, bool canary = false)
    {
        var input = _workload.Inputs[index];
        return new PlannedJob((ulong)(2 + index), DemoRunner.InferenceSpec(_workload.Model, input, _workload.WorkUnits, policy, replicas, deadlineBlocks: 2_000),
            canary ? _workload.ReferenceOutputs[input] : null);
    }

    private string Describe()
    {
        var state = _gateway!.Snapshot();
        var jobs = MarketStore.Jobs(state).Select(j => $"job {j.Id} {j.State}: " + string.Join(", ", j.Slots.Select(s => $"{s.Role} {s.Status} by {s.Provider}")));
        var providers = _providers.Select(p => $"{p.Agent.Profile.Name} {p.Agent.Address}: height {p.Height}, {p.Agent.Stats}");
        return $"height {state.Head.Height}, refusals {string.Join(", ", _gateway.Refusals)}\n" + string.Join('\n', jobs.Concat(providers));
    }

    private Action<string> Log(string who) => line => _log.Enqueue($"{who}: {line}");

    private async Task Until(Func<bool> condition, string message)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, message + "\n" + string.Join('\n', _log) + "\n" + Describe());
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// A gateway that refuses, with a code that waiting does not cure, the upload of one output until the job with
    /// <paramref name="otherInput"/> has settled.
    /// </summary>
    private sealed class RefusingGateway(INodeGateway inner, Hash32 refusedOutput, Hash32 otherInput) : INodeGateway
    {
        private int _refused;

        public int Refused => Volatile.Read(ref _refused);

        public Task<LedgerState> StateAsync(CancellationToken ct) => inner.StateAsync(ct);

        public Task<ulong> HeightAsync(CancellationToken ct) => inner.HeightAsync(ct);

        public Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, CancellationToken ct) =>
            inner.SubmitAsync(transactions, wait, ct);

        public Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct) => inner.GetBlobAsync(address, ct);

        public async Task<Hash32> PutBlobAsync(byte[] content, CancellationToken ct)
        {
            if (Hash32.Compute(content) == refusedOutput)
            {
                var state = await inner.StateAsync(ct);
                if (!MarketStore.Jobs(state).Any(j => j.Spec.Input == otherInput && j.State == JobState.Settled))
                {
                    Interlocked.Increment(ref _refused);
                    throw new GatewayException("blob_too_large", "this node takes blobs up to 1 byte (simulated)");
                }
            }

            return await inner.PutBlobAsync(content, ct);
        }
    }

    /// <summary>A gateway whose first blob download and first blob upload fail as an unreachable node's would.</summary>
    private sealed class FailingOnceGateway(INodeGateway inner) : INodeGateway
    {
        private int _gets;
        private int _puts;

        public int FailedGets => Math.Min(Volatile.Read(ref _gets), 1);

        public int FailedPuts => Math.Min(Volatile.Read(ref _puts), 1);

        public Task<LedgerState> StateAsync(CancellationToken ct) => inner.StateAsync(ct);

        public Task<ulong> HeightAsync(CancellationToken ct) => inner.HeightAsync(ct);

        public Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, CancellationToken ct) =>
            inner.SubmitAsync(transactions, wait, ct);

        public Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct) =>
            Interlocked.Increment(ref _gets) == 1 ? throw Gone() : inner.GetBlobAsync(address, ct);

        public Task<Hash32> PutBlobAsync(byte[] content, CancellationToken ct) =>
            Interlocked.Increment(ref _puts) == 1 ? throw Gone() : inner.PutBlobAsync(content, ct);

        private static GatewayException Gone() => new("unreachable", "the node is not reachable (simulated, mid-step)");
    }
}
