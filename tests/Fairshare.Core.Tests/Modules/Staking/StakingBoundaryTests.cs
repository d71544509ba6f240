using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Modules.Staking;

/// <summary>
/// Staking at its edges (docs/modules/staking.md): a commission change is pending strictly before its height and in
/// force from it, an empty pool's shares are worth nothing (not a division by zero), a commission of exactly the cap is
/// taken, and unbonding tokens and delegators' rewards sit in the documented <c>stake/{provider}/unbonding</c> and
/// <c>stake/{provider}/rewards</c> accounts.
/// </summary>
public sealed class StakingBoundaryTests
{
    private static readonly Address Provider = Address.ForModule("staking-boundary-provider");

    [Fact]
    public void ACommissionChange_IsPendingBeforeItsHeight_AndInForceFromIt()
    {
        var pool = new StakePool(Provider, new Amount(100), new Amount(100), 1_000, 1_400, 50, Amount.Zero, Amount.Zero);
        var none = pool with { PendingCommissionBps = 0, CommissionChangeHeight = 0 };

        Assert.True(pool.HasPendingCommission(49));
        Assert.False(pool.HasPendingCommission(50));
        Assert.False(pool.HasPendingCommission(51));
        Assert.False(none.HasPendingCommission(0));
        Assert.False(none.HasPendingCommission(10));
        Assert.Equal((1_000, 1_400, 1_400), (pool.CommissionAt(49), pool.CommissionAt(50), pool.CommissionAt(51)));
        Assert.Equal(pool, pool.AsOf(49));
        var folded = pool with { CommissionBps = 1_400, PendingCommissionBps = 0, CommissionChangeHeight = 0 };
        Assert.Equal(folded, pool.AsOf(50));
        Assert.Equal(folded, pool.AsOf(51));
        Assert.Equal(none, none.AsOf(10));
    }

    [Fact]
    public void AnEmptyPoolsShares_AreWorthNothing_AndOthersProRataRoundedDown()
    {
        var empty = StakePool.Open(Provider, 500);
        var pool = new StakePool(Provider, new Amount(300), new Amount(400), 500, 0, 0, Amount.Zero, Amount.Zero);

        Assert.Equal(Amount.Zero, empty.TokensFor(new Amount(10)));
        // 7 shares of 400 over 300 tokens: 7 × 300 ÷ 400 = 5.25, rounded down.
        Assert.Equal(new Amount(5), pool.TokensFor(new Amount(7)));
    }

    [Fact]
    public void ACommissionOfExactlyTheCap_IsTaken_AndOneAboveIsRefused()
    {
        var chain = new StakeChain();
        // Defaults: cap 5,000 bps, a change of at most 500 bps.
        chain.Ok(("alice", new StakeSelfBondPayload(StakeChain.Fsh(100), 4_600)));

        Assert.Equal(ResultCode.StakeCommissionTooHigh, chain.Fails("alice", new StakeSetCommissionPayload(5_001)));
        chain.Ok(("alice", new StakeSetCommissionPayload(5_000)));
        Assert.Equal(5_000, chain.Pool("alice").PendingCommissionBps);
    }

    [Fact]
    public void UnbondedTokens_SitInTheDocumentedUnbondingAccount()
    {
        var chain = new StakeChain();
        var alice = chain.Address("alice");
        chain.Ok(("alice", new StakeSelfBondPayload(StakeChain.Fsh(100), 1_000)));
        chain.Ok(("bob", new StakeDelegatePayload(alice, StakeChain.Fsh(30))));

        chain.Ok(("bob", new StakeUnbondPayload(alice, StakeChain.Fsh(30))));

        Assert.Equal(StakeChain.Fsh(30), chain.BalanceOf(Address.ForModule($"stake/{alice}/unbonding")));
        Assert.Equal(StakeChain.Fsh(100), chain.BalanceOf(Address.ForModule($"stake/{alice}/bonded")));
    }

    [Fact]
    public void DelegatorsRewards_SitInTheDocumentedRewardsAccount()
    {
        var chain = new StakeChain();
        var alice = chain.Address("alice");
        chain.Ok(("alice", new StakeSelfBondPayload(StakeChain.Fsh(100), 1_000)));
        chain.Ok(("bob", new StakeDelegatePayload(alice, StakeChain.Fsh(300))));

        // 100 FSH for alice's work: 10 % commission, then 3/4 of the 90 left (bob's shares) for the delegators: 67.5 FSH.
        var (code, _) = chain.Direct(c => StakingModule.PayProvider(c, chain.Address("carol"), alice, StakeChain.Fsh(100)));

        Assert.Equal(ResultCode.Ok, code);
        Assert.Equal(Amount.Parse("67500000000000000000"), chain.BalanceOf(Address.ForModule($"stake/{alice}/rewards")));
    }
}
