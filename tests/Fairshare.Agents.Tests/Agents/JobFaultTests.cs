using System.Collections.Immutable;
using Fairshare.Agents.Demo;
using Fairshare.Compute;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Agents.Tests.Agents;

/// <summary>
/// A stranger's model that runs too long, in a whole network: honest providers stop it at the limit the chain sets,
/// commit the same fault blob, and are paid and never slashed; the client pays their prices and gets the rest back.
/// </summary>
public sealed class JobFaultTests : IDisposable
{
    // docs/modules/market.md, defaults: market.protocol-fee-bps 500 of each payment (fee-burn-bps 2,000 of the fee is
    // burned, the rest goes to the treasury); the provider keeps the rest (no delegators here).
    private const ulong ProtocolFeeBps = 500;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-fault-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void AModelThatRunsTooLong_SettlesWithTheFaultOutput_AndHonestProvidersArePaidNotSlashed()
    {
        var blobs = new BlobStore(Path.Combine(_root, "blobs"));
        var model = blobs.Put(HostileModels.SlowLoop);
        var forever = blobs.Put(LoopInput(1_000_000_000));
        var quick = blobs.Put(LoopInput(3));
        // One declared work unit: the limit is 10 × 1 ÷ 1,000 units/s = 10 ms plus the loading allowance.
        var slow = DemoRunner.InferenceSpec(model, forever, 1, VerificationPolicy.Replicate, 2, deadlineBlocks: 30);
        var next = DemoRunner.InferenceSpec(model, quick, 1, VerificationPolicy.Replicate, 2, deadlineBlocks: 30);
        ImmutableArray<ProviderProfile> providers = [Provider("prov-1", 110), Provider("prov-2", 120)];
        var setup = new NetworkSetup(
            Path.Combine(_root, "net"), "fairshare-test-fault", providers,
            [new ClientProfile("client", [new PlannedJob(4, slow), new PlannedJob(5, next)])], [],
            Units.OneFsh * new Amount(2_000), Units.OneFsh * new Amount(1_000_000));
        using var network = LocalNetwork.Create(setup, blobs);
        network.Executor.LoadAllowance = TimeSpan.FromMilliseconds(500);

        while (network.Providers.Any(p => MarketStore.Provider(network.State, p.Address) is not { Registered: true })) network.Step();
        var client = network.Clients[0];
        // The state object is live: keep the numbers, not the object.
        var before = network.Providers.Select(p => p.Address).Append(client.Address)
            .ToDictionary(a => a, a => (Balance: network.State.BalanceOf(a, AssetId.Fsh), Nonce: network.State.Find(a)!.Nonce));
        network.RunUntilClientsDone(200);
        var state = network.State;

        var jobs = client.Jobs(state).Select(j => j.Job!).ToList();
        Assert.All(jobs, j => Assert.Equal(JobState.Settled, j.State));
        var faulted = jobs.Single(j => j.Spec.Input == forever);
        var fault = JobTensors.Failed(JobLayout.Single, ComputeError.RunTimeExceeded).Encode();
        Assert.Equal(Hash32.Compute(fault), faulted.AcceptedOutput);
        Assert.True(blobs.TryGet(faulted.AcceptedOutput, out var stored) && stored.SequenceEqual(fault));
        Assert.NotEqual(faulted.AcceptedOutput, jobs.Single(j => j.Spec.Input == quick).AcceptedOutput);
        Assert.All(network.Providers, p => Assert.Equal(1, p.Stats.JobFaults));

        // Each slot is paid its provider's price × 1 work unit; the escrow locked cap × 1 × 2 replicas.
        var prices = providers.Select(p => p.Offer.PricePerWorkUnit * new Amount(1)).ToList();
        var paid = prices[0] + prices[1];
        var locked = slow.MaxPricePerWorkUnit * new Amount(1) * new Amount(2);
        Assert.Equal(locked, faulted.Locked);
        Assert.Equal(paid, faulted.Paid);
        Assert.Equal(locked - paid, faulted.Refunded);
        Assert.Equal(Amount.Zero, faulted.Escrow);

        var fee = state.Params.MinFee;
        for (int i = 0; i < providers.Length; i++)
        {
            var agent = network.Providers[i];
            var record = MarketStore.Provider(state, agent.Address)!;
            Assert.Equal((0UL, 0UL, 2UL), (record.Stats.Faults, record.Stats.Missed, record.Stats.Verified));
            Assert.Equal(agent.Profile.SelfBond, StakingModule.BondedTokens(state, agent.Address));
            // Its balance: both jobs' payments less the protocol fee, less the fees of the transactions it sent.
            ulong sent = state.Find(agent.Address)!.Nonce - before[agent.Address].Nonce;
            var income = (prices[i] - prices[i] * new Amount(ProtocolFeeBps) / new Amount(10_000)) * new Amount(2);
            Assert.Equal(before[agent.Address].Balance + income - fee * new Amount(sent), state.BalanceOf(agent.Address, AssetId.Fsh));
        }

        // The client paid the two jobs' prices (every slot of both), nothing more, plus its transaction fees.
        ulong clientSent = state.Find(client.Address)!.Nonce - before[client.Address].Nonce;
        Assert.Equal(
            before[client.Address].Balance - paid * new Amount(2) - fee * new Amount(clientSent),
            state.BalanceOf(client.Address, AssetId.Fsh));
    }

    private static byte[] LoopInput(long iterations) =>
        TensorBlob.Encode([TensorData.Int64("n", [], [iterations]), TensorData.Float32("x", [64, 64], new float[64 * 64])]);

    private static ProviderProfile Provider(string name, ulong priceCents) => new(
        name,
        new ProviderOffer(DeviceClass.Cpu, 16_384, 1_000, Units.OneFsh * new Amount(priceCents) / new Amount(10_000), 4, "test", 300, 50, "test machine"),
        Units.OneFsh * new Amount(1000), 1000, ProviderBehavior.Honest);
}
