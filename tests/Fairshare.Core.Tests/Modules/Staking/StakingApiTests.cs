using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Modules.Staking;

public sealed class StakingApiTests
{
    [Fact]
    public void SelfBondAndDelegate_ShowInBondedTokensAndSelfBonded()
    {
        var chain = new StakeChain();
        var alice = chain.Address("alice");
        Assert.Equal(Amount.Zero, StakingModule.BondedTokens(chain.Chain.State, alice));
        chain.Ok(("alice", new StakeSelfBondPayload(StakeChain.Fsh(200), 1_000)));
        chain.Ok(("bob", new StakeDelegatePayload(alice, StakeChain.Fsh(300))));

        var state = chain.Chain.State;
        Assert.Equal(StakeChain.Fsh(500), StakingModule.BondedTokens(state, alice));
        Assert.Equal(StakeChain.Fsh(200), StakingModule.SelfBonded(state, alice));
        Assert.Equal(StakeChain.Fsh(500), chain.BalanceOf(StakingStore.BondedAccount(alice)));
        Assert.Equal(StakeChain.Fsh(800), chain.Balance("alice") + TestFee(chain, "alice"));
        Assert.Equal(StakingParams.Default, StakingModule.Params(state));
    }

    [Fact]
    public void Slash_TakesTheFractionOfThePool_AndPayProvider_SplitsCommissionAndShares()
    {
        var chain = new StakeChain();
        var alice = chain.Address("alice");
        var carol = chain.Address("carol");
        chain.Ok(("alice", new StakeSelfBondPayload(StakeChain.Fsh(100), 1_000)));
        chain.Ok(("bob", new StakeDelegatePayload(alice, StakeChain.Fsh(300))));

        var slashed = Amount.Zero;
        var (code, events) = chain.Direct(c => StakingModule.Slash(c, alice, 100_000, carol, out slashed));
        Assert.Equal(ResultCode.Ok, code);
        Assert.Equal(StakeChain.Fsh(40), slashed);
        Assert.All(events, e => Assert.Equal(FlowTag.Slash, e.Tag));
        Assert.Equal(StakeChain.Fsh(360), StakingModule.BondedTokens(chain.Chain.State, alice));
        Assert.Equal(StakeChain.Fsh(90), StakingModule.SelfBonded(chain.Chain.State, alice));

        // 100 FSH from carol: 10 % commission, then 1/4 of the rest (alice's shares) to alice, 3/4 to bob's pool rewards.
        var aliceBefore = chain.Balance("alice");
        (code, events) = chain.Direct(c => StakingModule.PayProvider(c, carol, alice, StakeChain.Fsh(100)));
        Assert.Equal(ResultCode.Ok, code);
        Assert.All(events, e => Assert.Equal(FlowTag.JobPayment, e.Tag));
        Assert.Equal(aliceBefore + StakeChain.Fsh(10) + Amount.Parse("22500000000000000000"), chain.Balance("alice"));
        Assert.Equal(Amount.Parse("67500000000000000000"), StakingModule.PendingRewards(chain.Chain.State, alice, chain.Address("bob")));
    }

    [Fact]
    public void Slash_AndPayProvider_WithoutAPool_SlashNothingAndPayTheProviderEverything()
    {
        var chain = new StakeChain();
        var dave = chain.Address("dave");
        var before = chain.Balance("dave");
        var slashed = Amount.One;
        var (code, _) = chain.Direct(c => StakingModule.Slash(c, dave, 1_000_000, chain.Address("carol"), out slashed));
        Assert.Equal(ResultCode.Ok, code);
        Assert.Equal(Amount.Zero, slashed);
        (code, _) = chain.Direct(c => StakingModule.PayProvider(c, chain.Address("carol"), dave, StakeChain.Fsh(7)));
        Assert.Equal(ResultCode.Ok, code);
        Assert.Equal(before + StakeChain.Fsh(7), chain.Balance("dave"));
    }

    private static Amount TestFee(StakeChain chain, string name) => Fairshare.Testing.TestChain.MinFee * new Amount(chain.Chain.State.Find(chain.Address(name))!.Nonce);
}
