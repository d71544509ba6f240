using System.Numerics;
using Fairshare.Analytics.Attribution;
using Fairshare.Analytics.Waterfall;
using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Tests.Attribution;

/// <summary>What counts as income, to whom it is attributed, and the block-range waterfall's reconciliation.</summary>
public sealed class IncomeAttributionTests
{
    private static readonly Address Founder = Address.ForModule("t/founder");
    private static readonly Address Provider = Address.ForModule("t/provider");
    private static readonly Address Lp = Address.ForModule("t/lp");
    private static readonly Address Treasury = Address.ForModule("t/treasury");
    private static readonly Address Escrow = Address.ForModule("t/escrow");
    private static readonly Address Someone = Address.ForModule("t/someone");

    private static readonly AccountDirectory Directory = new(
        new Dictionary<Address, Cohort> { [Founder] = Cohort.Founders },
        new Dictionary<Address, AccountRole> { [Provider] = AccountRole.Provider | AccountRole.Client, [Lp] = AccountRole.LiquidityProvider, [Founder] = AccountRole.Provider },
        new Dictionary<Address, string> { [Treasury] = "treasury", [Escrow] = "market escrow" },
        new HashSet<Address> { Escrow });

    private static readonly FlowRecord[] Flows =
    [
        Flow(1, FlowTag.Genesis, default, Founder, 1_000),
        Flow(2, FlowTag.Transfer, Founder, Someone, 100),
        Flow(3, FlowTag.Escrow, Someone, Escrow, 50),
        Flow(4, FlowTag.JobPayment, Escrow, Provider, 40),
        Flow(4, FlowTag.ProtocolFee, Escrow, Treasury, 3),
        Flow(4, FlowTag.ProtocolFee, Escrow, default, 2),
        Flow(4, FlowTag.Refund, Escrow, Someone, 5),
        Flow(5, FlowTag.SwapFee, Someone, Lp, 7),
        Flow(6, FlowTag.Swap, Someone, Lp, 70),
        Flow(7, FlowTag.Emission, default, Founder, 11),
        Flow(8, FlowTag.Slash, Provider, Escrow, 9),
        Flow(9, FlowTag.TxFee, Someone, Treasury, 1),
    ];

    [Fact]
    public void IncomeIsWhatFlowsInAsPayment_NotTransfersSwapsOrRefunds_NorWhatReachesAPassThroughAccount()
    {
        var report = IncomeAttribution.Compute(Flows, Directory, AssetId.Fsh, 1, 10, buckets: 5);
        Assert.Equal(40 + 3 + 7 + 11 + 1, (int)report.Total);
        Assert.Equal(new BigInteger(40), report.PerAccount[Provider]);
        Assert.Equal(new BigInteger(4), report.PerAccount[Treasury]);
        Assert.Equal(new BigInteger(7), report.PerAccount[Lp]);
        Assert.Equal(new BigInteger(11), report.PerAccount[Founder]);
        Assert.False(report.PerAccount.ContainsKey(Escrow));
        Assert.False(report.PerAccount.ContainsKey(Someone));
        Assert.Contains(report.ByGroup, c => c is { Group: "founders", Tag: FlowTag.Emission } && c.Amount == 11);
        Assert.Contains(report.ByGroup, c => c is { Group: "providers", Tag: FlowTag.JobPayment } && c.Amount == 40);
        Assert.Contains(report.ByGroup, c => c is { Group: "treasury", Tag: FlowTag.ProtocolFee } && c.Amount == 3);
        // Roles overlap: the founder is also a provider, the provider also a client.
        Assert.Contains(report.ByRole, c => c is { Group: "providers", Tag: FlowTag.Emission } && c.Amount == 11);
        Assert.Contains(report.ByRole, c => c is { Group: "clients", Tag: FlowTag.JobPayment } && c.Amount == 40);
    }

    [Fact]
    public void Buckets_SplitTheRange_AndCarryTheCumulativeGini()
    {
        var report = IncomeAttribution.Compute(Flows, Directory, AssetId.Fsh, 1, 10, buckets: 5);
        Assert.Equal([(1UL, 2UL), (3, 4), (5, 6), (7, 8), (9, 10)], report.Buckets.Select(b => (b.FromHeight, b.ToHeight)));
        Assert.Null(report.Buckets[0].CumulativeGini);
        Assert.Equal(0, report.Buckets[0].Earners);
        Assert.Equal(2, report.Buckets[1].Earners);
        Assert.Equal(new BigInteger(40), report.Buckets[1].ByGroup["providers"]);
        Assert.Equal(0.5 * (40 - 3) / (43.0), report.Buckets[1].CumulativeGini!.Value, 12); // two earners, 3 and 40
        Assert.Equal(4, report.Buckets[^1].Earners);
        Assert.Equal(report.Total, report.Buckets.SelectMany(b => b.ByGroup.Values).Aggregate(BigInteger.Zero, (a, b) => a + b));
    }

    [Fact]
    public void TheRangeWaterfall_ShowsMintsAndBurns_AndReconciles()
    {
        var report = RangeWaterfall.Build(Flows, Directory, AssetId.Fsh, 1, 10);
        Assert.Equal(new BigInteger(1_011), report.Minted);
        Assert.Equal(new BigInteger(2), report.Burned);
        Assert.True(report.Reconciles);
        Assert.Contains(report.Edges, e => e is { From: AccountDirectory.MintBurn, Tag: FlowTag.Genesis, To: "founders" } && e.Amount == 1_000);
        Assert.Contains(report.Edges, e => e is { From: "market escrow", Tag: FlowTag.ProtocolFee, To: AccountDirectory.MintBurn } && e.Amount == 2);
        Assert.Equal(new BigInteger(0), report.Groups.Single(g => g.Group == "market escrow").Net + 9 - 9 - (50 + 9 - 40 - 3 - 2 - 5));
        var part = RangeWaterfall.Build(Flows, Directory, AssetId.Fsh, 4, 4);
        Assert.True(part.Reconciles);
        Assert.Equal(new BigInteger(50), part.Moved);
    }

    [Fact]
    public void Groups_FollowTheirPrecedence()
    {
        Assert.Equal(AccountDirectory.MintBurn, Directory.Group(default));
        Assert.Equal("treasury", Directory.Group(Treasury));
        Assert.Equal("founders", Directory.Group(Founder));
        Assert.Equal("providers", Directory.Group(Provider));
        Assert.Equal("lps", Directory.Group(Lp));
        Assert.Equal("others", Directory.Group(Someone));
        var holdings = GroupHoldings.Compute([(Founder, 600), (Provider, 300), (Someone, 100), (Lp, 0)], Directory);
        Assert.Equal(["founders", "providers", "others", "lps"], holdings.Select(h => h.Group));
        Assert.Equal(0.6, holdings[0].Share);
    }

    private static FlowRecord Flow(ulong height, FlowTag tag, Address from, Address to, ulong amount) =>
        new(height, height * 1000, Hash32.Zero, new LedgerEvent(tag, AssetId.Fsh, from, to, new Amount(amount)));
}
