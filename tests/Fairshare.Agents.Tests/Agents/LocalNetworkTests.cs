using System.Collections.Immutable;
using Fairshare.Agents;
using Fairshare.Agents.Demo;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Genesis;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Tests.Agents;

/// <summary>
/// The whole job path in one process, with real ONNX inference: agents bond, register, run jobs, commit, reveal, and
/// the chain matches, verifies, settles and slashes. Outputs are checked against runs made here before the network.
/// </summary>
public sealed class LocalNetworkTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-net-" + Guid.NewGuid().ToString("N"));
    private readonly BlobStore _blobs;
    private readonly DemoWorkload _workload;

    public LocalNetworkTests()
    {
        _blobs = new BlobStore(Path.Combine(_root, "blobs"));
        _workload = DemoRunner.BuildWorkload(_blobs, new JobExecutor(_blobs), 12);
    }

    [Fact]
    public void RealInferenceJobs_SettleWithTheRightOutputs_AndAlwaysCheatingProviderIsCaughtAndSlashed()
    {
        var providers = Honest(3).Add(Provider("cheater", 90, new ProviderBehavior(CheatPpm: 1_000_000, Seed: 1)));
        using var network = LocalNetwork.Create(Setup("cheat", providers, Jobs(12, VerificationPolicy.SpotCheck, 1)), _blobs);
        network.RunUntilClientsDone(600);
        var state = network.State;
        var jobs = network.Clients[0].Jobs(state);
        Assert.All(jobs, j => Assert.True(j.IsClosed, $"job {j.Index} is {j.Job?.State}"));
        var settled = jobs.Where(j => j.Job!.State == JobState.Settled).ToList();
        Assert.NotEmpty(settled);
        Assert.All(settled, j => Assert.Equal(_workload.ReferenceOutputs[j.Plan.Spec.Input], j.Job!.AcceptedOutput));

        var cheater = network.Providers[3];
        var record = MarketStore.Provider(state, cheater.Address)!;
        Assert.True(record.Stats.Faults >= 1, "the cheater was never caught");
        Assert.True(StakingModule.BondedTokens(state, cheater.Address) < cheater.Profile.SelfBond, "the cheater kept all its stake");
        foreach (var honest in network.Providers.Take(3))
        {
            Assert.Equal(0UL, MarketStore.Provider(state, honest.Address)!.Stats.Faults);
            Assert.Equal(honest.Profile.SelfBond, StakingModule.BondedTokens(state, honest.Address));
        }

        Assert.Equal(Amount.Zero, state.BalanceOf(MarketStore.EscrowAccount, AssetId.Fsh));
    }

    [Fact]
    public void SlowProvider_MissesDeadlines_IsNeverPaidForThem_AndTheJobsStillSettleElsewhere()
    {
        var providers = ImmutableArray.Create(
            Provider("slow", 50, new ProviderBehavior(DelayBlocks: 10, Seed: 3)),
            Provider("prov-1", 120, ProviderBehavior.Honest),
            Provider("prov-2", 130, ProviderBehavior.Honest));
        using var network = LocalNetwork.Create(Setup("slow", providers, Jobs(4, VerificationPolicy.SpotCheck, 1)), _blobs);
        network.RunUntilClientsDone(600);
        var state = network.State;

        var jobs = network.Clients[0].Jobs(state).Select(j => j.Job!).ToList();
        Assert.All(jobs, j => Assert.Equal(JobState.Settled, j.State));
        var slow = network.Providers[0];
        Assert.True(MarketStore.Provider(state, slow.Address)!.Stats.Missed >= 1);
        Assert.All(jobs.SelectMany(j => j.Slots).Where(s => s.Provider == slow.Address), s => Assert.NotEqual(SlotStatus.Revealed, s.Status));
        Assert.True(StakingModule.BondedTokens(state, slow.Address) < slow.Profile.SelfBond, "a missed deadline costs a small slash");
    }

    [Fact]
    public void ProviderAgentRestartedBetweenCommitAndReveal_RecomputesItsSaltAndReveals()
    {
        var providers = Honest(2);
        using var network = LocalNetwork.Create(Setup("restart", providers, Jobs(2, VerificationPolicy.Replicate, 2)), _blobs);
        for (int i = 0; i < 100 && !MarketStore.Jobs(network.State).Any(j => j.Slots.Any(s => s.Status == SlotStatus.Committed)); i++) network.Step();
        Assert.Contains(MarketStore.Jobs(network.State), j => j.Slots.Any(s => s.Status == SlotStatus.Committed));
        network.RestartProvider(0);
        network.RestartProvider(1);
        network.RunUntilClientsDone(300);
        Assert.All(network.Clients[0].Jobs(network.State), j => Assert.Equal(JobState.Settled, j.Job!.State));
        Assert.Empty(network.Refusals);
    }

    [Fact]
    public void ClientSpend_NeverExceedsTheEscrowItLocked_AndFlowsBalance()
    {
        var providers = Honest(3).Add(Provider("cheater", 90, new ProviderBehavior(CheatPpm: 500_000, Seed: 9)));
        using var network = LocalNetwork.Create(Setup("money", providers, Jobs(10, VerificationPolicy.Replicate, 2)), _blobs);
        network.RunUntilClientsDone(600);
        var outcome = DemoAccounting.Summarize(network, "test", TimeSpan.Zero, _workload);
        Assert.True(outcome.ClientSpend <= outcome.ClientEscrow);
        Assert.Equal(outcome.Submitted, outcome.Settled + outcome.Failed);
        Assert.Equal(outcome.Settled, outcome.OutputsCorrect);
        var supply = network.State.FindAsset(AssetId.Fsh)!.Supply;
        var genesisSupply = Units.OneFsh * new Amount(2_000) * new Amount((ulong)providers.Length) + Units.OneFsh * new Amount(1_000_000);
        Assert.Equal(genesisSupply, supply + outcome.Burned);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static ImmutableArray<ProviderProfile> Honest(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Provider("prov-" + i, 100 + (ulong)i * 10, ProviderBehavior.Honest))];

    private static ProviderProfile Provider(string name, ulong priceCents, ProviderBehavior behavior) => new(
        name,
        new ProviderOffer(DeviceClass.Cpu, 16_384, 1_000, Units.OneFsh * new Amount(priceCents) / new Amount(10_000), 4, "test", 300, 50, "test machine"),
        Units.OneFsh * new Amount(1000), 1000, behavior);

    private ImmutableArray<PlannedJob> Jobs(int count, VerificationPolicy policy, byte replicas) =>
        [.. _workload.Inputs.Take(count).Select((input, i) => new PlannedJob((ulong)(3 + i / 3), DemoRunner.InferenceSpec(_workload.Model, input, _workload.WorkUnits, policy, replicas)))];

    private NetworkSetup Setup(string name, ImmutableArray<ProviderProfile> providers, ImmutableArray<PlannedJob> jobs) => new(
        Path.Combine(_root, name), "fairshare-test-" + name, providers, [new ClientProfile("client", jobs)], [],
        Units.OneFsh * new Amount(2_000), Units.OneFsh * new Amount(1_000_000));
}
