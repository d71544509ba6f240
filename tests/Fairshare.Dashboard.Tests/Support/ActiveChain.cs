using System.Collections.Immutable;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Dashboard.Tests.Support;

/// <summary>
/// A short chain with something in every panel, recorded block by block with <see cref="MarketHarness"/> (the real
/// block executor): four GPU providers at different prices, jobs under each verification policy settled over several
/// blocks (the cheapest providers win most), two jobs still open at the end, an FSH/USDF pool, a USDF lending market
/// with a supply, one proposal voted through and one still in its vote. Deterministic (seeded).
/// </summary>
public sealed record ActiveChain(GenesisConfig Genesis, IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> Blocks)
{
    /// <summary>The provider key names.</summary>
    public static IReadOnlyList<string> ProviderNames { get; } = ["gpu-amsterdam", "gpu-lisbon", "gpu-oslo", "gpu-warsaw"];

    private static readonly Amount TenthFsh = Units.OneFsh / new Amount(10);

    /// <summary>Records the chain.</summary>
    public static ActiveChain Record()
    {
        var profiles = ProviderNames.Select((name, i) => new ProviderProfile(name, TenthFsh * new Amount(2 + (ulong)i), 2, BenchmarkScore: 800 + 300 * (ulong)i, RenewablePercent: (byte)(30 + 20 * i))).ToList();
        var blocks = new List<(Block, ImmutableArray<Receipt>)>();
        var harness = MarketHarness.Create(profiles, new Random(2026), clients: 2, onBlock: produced => blocks.Add((produced.Block!, produced.Receipts)));

        var issuer = harness.Address("issuer");
        var alice = harness.Address("alice");
        var feeSwitch = GovernableParameters.FindByName("amm.protocol-fee-on")!;
        harness.Queue("issuer", new MintStablePayload(issuer, MarketHarness.Fsh(10_000)));
        harness.Queue("issuer", new MintStablePayload(alice, MarketHarness.Fsh(2_000)));
        harness.Queue("alice", new GovLockPayload(MarketHarness.Fsh(500)));
        harness.Queue("alice", new LendCreateMarketPayload(AssetId.Usdf));
        Step(harness);

        harness.Queue("issuer", new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, MarketHarness.Fsh(400), MarketHarness.Fsh(1_000), Amount.Zero, Amount.Zero));
        harness.Queue("alice", new GovProposePayload([new GovAction(feeSwitch.Module, feeSwitch.Id, new Amount(1))], "Turn the AMM protocol fee switch on"));
        harness.Queue("alice", new LendSupplyPayload(AssetId.Usdf, MarketHarness.Fsh(1_500)));
        harness.Queue("bob", new GovLockPayload(MarketHarness.Fsh(300)));
        Step(harness);

        for (int round = 0; round < 8; round++)
        {
            string client = harness.Clients[round % 2];
            var spec = MarketHarness.Spec(Policy(round), replicas: round % 3 == 0 ? (byte)2 : (byte)1, input: (ulong)round + 1, cap: TenthFsh * new Amount(6));
            if (spec.Policy == VerificationPolicy.Canary) harness.SubmitCanary(client, spec);
            else harness.Submit(client, spec);
            if (round == 1) harness.Queue("alice", new GovVotePayload(1, 1));
            if (round == 2) harness.Queue("bob", new GovVotePayload(1, 0));
            Step(harness);
        }

        for (int i = 0; i < 40 && MarketStore.ActiveJobIds(harness.State).Count > 0; i++) Step(harness);
        if (MarketStore.ActiveJobIds(harness.State).Count > 0) throw new InvalidOperationException("the recorded jobs did not settle within 40 blocks");

        harness.Queue("bob", new GovProposePayload([new GovAction(feeSwitch.Module, feeSwitch.Id, new Amount(0))], "Keep the fee switch off"));
        harness.Submit(harness.Clients[0], MarketHarness.Spec(VerificationPolicy.Replicate, replicas: 2, input: 100, cap: TenthFsh * new Amount(6)));
        harness.Submit(harness.Clients[1], MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 101, cap: TenthFsh * new Amount(6)));
        Step(harness);
        return new ActiveChain(harness.Chain.Genesis, blocks);
    }

    private static VerificationPolicy Policy(int round) => (round % 3) switch
    {
        0 => VerificationPolicy.Replicate,
        1 => VerificationPolicy.SpotCheck,
        _ => VerificationPolicy.Canary,
    };

    /// <summary>Produces the next block (the harness's hook records it) and fails unless every transaction went in.</summary>
    private static void Step(MarketHarness harness)
    {
        var produced = harness.Step();
        if (!produced.Rejected.IsEmpty)
            throw new InvalidOperationException("a recorded transaction was refused: " + string.Join(", ", produced.Rejected.Select(r => $"{r.Transaction.Body.Payload.Kind} {r.Code}")));
    }
}
