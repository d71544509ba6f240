using System.Numerics;
using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>The one provider-income rule: its population and what counts as income, on hand-made flows.</summary>
public sealed class ProviderIncomeTests
{
    private static readonly Address Client = Address.ForModule("test/client");
    private static readonly Address Escrow = Address.ForModule("test/escrow");
    private static readonly Address A = Address.ForModule("test/provider-a");
    private static readonly Address B = Address.ForModule("test/provider-b");
    private static readonly Address C = Address.ForModule("test/provider-c");
    private static readonly Address Stranger = Address.ForModule("test/stranger");

    [Fact]
    public void ZeroEarners_AreInThePopulation_DuplicatesCountOnce()
    {
        var income = new ProviderIncome([C, A, B, A]);
        Assert.Equal(3, income.Providers.Count);
        Assert.Equal(new[] { A, B, C }.Order(), income.Providers);
        Assert.Equal([BigInteger.Zero, BigInteger.Zero, BigInteger.Zero], income.Values);
        Assert.Equal(BigInteger.Zero, income.Total);
    }

    [Fact]
    public void OnlyFshJobPayments_ToThePopulation_AreIncome()
    {
        var income = new ProviderIncome([A, B, C]).AddRange(
        [
            new LedgerEvent(FlowTag.JobPayment, AssetId.Fsh, Escrow, A, new Amount(700)),
            new LedgerEvent(FlowTag.JobPayment, AssetId.Fsh, Escrow, A, new Amount(300)),
            new LedgerEvent(FlowTag.JobPayment, AssetId.Fsh, Escrow, B, new Amount(5)),
            new LedgerEvent(FlowTag.JobPayment, AssetId.Usdf, Escrow, B, new Amount(1_000)),
            new LedgerEvent(FlowTag.Emission, AssetId.Fsh, Escrow, C, new Amount(1_000)),
            new LedgerEvent(FlowTag.Slash, AssetId.Fsh, Escrow, C, new Amount(1_000)),
            new LedgerEvent(FlowTag.Transfer, AssetId.Fsh, Client, A, new Amount(1_000)),
            new LedgerEvent(FlowTag.JobPayment, AssetId.Fsh, Escrow, Stranger, new Amount(1_000)),
        ]);

        Assert.Equal(new BigInteger(1_000), income.Of(A));
        Assert.Equal(new BigInteger(5), income.Of(B));
        Assert.Equal(BigInteger.Zero, income.Of(C));
        Assert.Equal(BigInteger.Zero, income.Of(Stranger));
        Assert.Equal(new BigInteger(1_005), income.Total);
    }

    [Fact]
    public void Sums_AreExact_BeyondSixtyFourBits()
    {
        var income = new ProviderIncome([A]);
        income.Add(new LedgerEvent(FlowTag.JobPayment, AssetId.Fsh, Escrow, A, new Amount(ulong.MaxValue)));
        income.Add(new LedgerEvent(FlowTag.JobPayment, AssetId.Fsh, Escrow, A, new Amount(ulong.MaxValue)));
        Assert.Equal(BigInteger.Parse("36893488147419103230"), income.Of(A));
    }
}
