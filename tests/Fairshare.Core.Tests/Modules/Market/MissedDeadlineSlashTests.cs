using Fairshare.Core.Ledger;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// A missed deadline slashes the provider of the slot that missed it (design §4: "a small slash to the treasury") and
/// no one else: with the late provider in slot 1 or 2 of a replicated job, slot 0's provider keeps its whole bond.
/// </summary>
public sealed class MissedDeadlineSlashTests
{
    [Theory]
    [InlineData("beta", 1)]
    [InlineData("gamma", 2)]
    public void TheLateReplica_IsSlashed_NotTheProviderInSlotZero(string late, int slot)
    {
        var m = MarketChain.Create(n => n == late ? ProviderBehaviour.Slow : ProviderBehaviour.Honest);
        var treasury = m.State.Params.Treasury;
        var smallSlash = MarketHarness.Bond / new Amount(100);
        Assert.Equal(10_000u, StakingModule.Params(m.State).SlashMissedDeadlinePpm);
        m.Harness.Submit("client-0", MarketHarness.Spec(VerificationPolicy.Replicate, 3, deadlineBlocks: 3));
        m.Harness.Step();
        // Lowest price first: alpha, beta, gamma hold slots 0, 1, 2.
        Assert.Equal(["alpha", "beta", "gamma"], Enumerable.Range(0, 3).Select(i => m.Holder(1, i)));
        var bondedBefore = MarketChain.Names.ToDictionary(n => n, n => m.Balance(StakingStore.BondedAccount(m.Address(n))));

        var events = m.RunToEnd();
        var job = m.Job(1);
        Assert.Equal(SlotStatus.Replaced, job.Slots[slot].Status);
        Assert.Equal(smallSlash, job.Slots[slot].Slashed);
        Assert.Equal(Amount.Zero, job.Slots[0].Slashed);

        var slashes = events.Where(e => e.Tag == FlowTag.Slash).ToList();
        var single = Assert.Single(slashes);
        Assert.Equal((StakingStore.BondedAccount(m.Address(late)), treasury, smallSlash), (single.From, single.To, single.Amount));

        Assert.Equal(bondedBefore[late] - smallSlash, m.Balance(StakingStore.BondedAccount(m.Address(late))));
        foreach (var other in MarketChain.Names.Where(n => n != late))
            Assert.Equal(bondedBefore[other], m.Balance(StakingStore.BondedAccount(m.Address(other))));
        Assert.Equal(1ul, m.Provider(late).Stats.Missed);
        Assert.Equal(0ul, m.Provider("alpha").Stats.Missed);
    }
}
