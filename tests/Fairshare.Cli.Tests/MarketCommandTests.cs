using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Testing;

namespace Fairshare.Cli.Tests;

/// <summary>
/// <c>fairshare market</c> on a chain where alice and the USDF issuer registered offers and bob submitted a spot-checked job
/// (committed straight through the node, as the provider agent would).
/// </summary>
public sealed class MarketCommandTests : CliTestBase
{
    [Fact]
    public void ProvidersJobsAndJobShow_ListTheMarket_AsTablesAndJson()
    {
        Assert.Empty(Json("market", "providers")["providers"]!.AsArray());
        Assert.Empty(Json("market", "jobs")["jobs"]!.AsArray());
        using (var node = LedgerNode.Open(new DataDirectory(Cli.Home)))
        {
            Commit(node, "alice", new StakeSelfBondPayload(MarketHarness.Fsh(150), 0), new MarketRegisterPayload(new ProviderProfile("alice", new Amount(10), 2).Offer));
            Commit(node, "usdf-issuer", new StakeSelfBondPayload(MarketHarness.Fsh(150), 0), new MarketRegisterPayload(new ProviderProfile("usdf-issuer", new Amount(12), 2).Offer));
            Commit(node, "bob", new MarketSubmitJobPayload(MarketHarness.Spec(VerificationPolicy.SpotCheck)));
        }

        var providers = Json("market", "providers")["providers"]!.AsArray();
        Assert.Equal(2, providers.Count);
        Assert.All(providers, p => Assert.Equal("150000000000000000000", p!["selfBonded"]!.GetValue<string>()));
        Assert.Equal(1_000_000, providers[0]!["reputationPpm"]!.GetValue<int>());
        Assert.Contains(providers, p => p!["openSlots"]!.GetValue<int>() == 1 && p["pricePerWorkUnit"]!.GetValue<string>() == "10");

        var jobs = Json("market", "jobs", "--client", "bob")["jobs"]!.AsArray();
        var job = Assert.Single(jobs)!;
        Assert.Equal("Running", job["state"]!.GetValue<string>());
        Assert.Equal("2000", job["locked"]!.GetValue<string>());
        Assert.Empty(Json("market", "jobs", "--client", "alice")["jobs"]!.AsArray());

        var shown = Json("market", "job", "show", "1");
        Assert.Equal("SpotCheck", shown["policy"]!.GetValue<string>());
        var slot = Assert.Single(shown["slots"]!.AsArray())!;
        Assert.Equal("Primary", slot["role"]!.GetValue<string>());
        Assert.Equal("Assigned", slot["status"]!.GetValue<string>());
        Assert.Equal("100", slot["price"]!.GetValue<string>());

        foreach (var (args, mustShow) in new[] { (new[] { "market", "providers" }, "alice"), (["market", "jobs"], "P·"), (["market", "job", "show", "1"], "alice") })
        {
            var run = Cli.Run(args);
            Assert.True(run.ExitCode == 0 && run.Stdout.Contains(mustShow, StringComparison.Ordinal), run.ToString());
        }
    }

    [Fact]
    public void Errors_AreOneClearLine_AndEveryVerbHasHelp()
    {
        AssertOneLineError(Cli.Run("market", "job", "show", "7"), 2, "there is no job 7");
        AssertOneLineError(Cli.Run("market", "jobs", "--client", "nobody"), 2, "neither an address");
        foreach (var verb in new[] { new[] { "market", "providers" }, ["market", "jobs"], ["market", "job", "show"] })
        {
            var help = Cli.Run([.. verb, "--help"]);
            Assert.True(help.ExitCode == 0 && help.Stdout.Contains("--json", StringComparison.Ordinal), help.ToString());
        }
    }

    private static void Commit(LedgerNode node, string name, params TxPayload[] payloads)
    {
        using var key = KeyPair.ForDevelopment(name);
        ulong nonce = node.State.Find(key.Address)?.Nonce ?? 0;
        var txs = payloads.Select((p, i) => SignedTransaction.Sign(new Transaction(node.State.ChainId, nonce + (ulong)i, node.State.Params.MinFee, p), key)).ToList();
        var outcome = node.Commit(txs);
        Assert.True(outcome.Rejected.IsEmpty, string.Join(", ", outcome.Rejected.Select(r => r.Code)));
    }
}
