using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Staking;

/// <summary>Each staking transaction, each refusal (which leaves the state root unchanged), commission delay and slashing.</summary>
public sealed class StakingModuleTests
{
    private static Amount Fsh(ulong whole) => StakeChain.Fsh(whole);

    /// <summary>A chain where alice runs a pool (100 FSH self-bond, 10 % commission) and bob delegated 300 FSH to it.</summary>
    private static StakeChain AliceWithBob()
    {
        var chain = new StakeChain();
        chain.Ok(("alice", new StakeSelfBondPayload(Fsh(100), 1_000)));
        chain.Ok(("bob", new StakeDelegatePayload(chain.Address("alice"), Fsh(300))));
        return chain;
    }

    [Fact]
    public void SelfBond_OpensAPoolWithItsCommission_AndLaterBondsKeepIt()
    {
        var chain = new StakeChain();
        var before = chain.Balance("alice");
        chain.Ok(("alice", new StakeSelfBondPayload(Fsh(100), 1_000)));
        chain.Ok(("alice", new StakeSelfBondPayload(Fsh(1), 4_000)));

        var pool = chain.Pool("alice");
        Assert.Equal(1_000, pool.CommissionBps);
        Assert.Equal(Fsh(101), pool.Tokens);
        Assert.Equal(Fsh(101), pool.Shares);
        Assert.Equal(Fsh(101), StakingStore.Position(chain.Chain.State, chain.Address("alice"), chain.Address("alice"))!.Shares);
        Assert.Equal(before - Fsh(101) - TestChain.MinFee * new Amount(2), chain.Balance("alice"));
    }

    [Fact]
    public void SelfBond_Refusals()
    {
        var chain = new StakeChain();
        Assert.Equal(ResultCode.StakeZeroAmount, chain.Fails("alice", new StakeSelfBondPayload(Amount.Zero, 0)));
        Assert.Equal(ResultCode.StakeCommissionTooHigh, chain.Fails("alice", new StakeSelfBondPayload(Fsh(100), 5_001)));
        Assert.Equal(ResultCode.StakeBelowMinSelfBond, chain.Fails("alice", new StakeSelfBondPayload(Fsh(100) - Amount.One, 0)));
        Assert.Equal(ResultCode.InsufficientBalance, chain.Fails("alice", new StakeSelfBondPayload(Fsh(1_000), 0)));
        chain.Ok(("alice", new StakeSelfBondPayload(Fsh(100), 5_000)));
        Assert.Equal(ResultCode.StakeCommissionTooHigh, chain.Fails("alice", new StakeSelfBondPayload(Fsh(1), 5_001)));
    }

    [Fact]
    public void Delegate_BuysSharesAtThePoolsRate_AfterASlashMoreSharesPerToken()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        chain.Direct(c => StakingModule.Slash(c, alice, 500_000, chain.Address("dave"), out _));
        chain.Ok(("carol", new StakeDelegatePayload(alice, Fsh(10))));

        Assert.Equal(Fsh(20), StakingStore.Position(chain.Chain.State, alice, chain.Address("carol"))!.Shares);
        Assert.Equal(Fsh(210), chain.Pool("alice").Tokens);
        Assert.Equal(Fsh(10), chain.Pool("alice").TokensFor(Fsh(20)));
    }

    [Fact]
    public void Delegate_Refusals()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        Assert.Equal(ResultCode.StakeZeroAmount, chain.Fails("carol", new StakeDelegatePayload(alice, Amount.Zero)));
        Assert.Equal(ResultCode.StakeSelfDelegation, chain.Fails("alice", new StakeDelegatePayload(alice, Fsh(1))));
        Assert.Equal(ResultCode.StakePoolNotFound, chain.Fails("carol", new StakeDelegatePayload(chain.Address("dave"), Fsh(1))));
        Assert.Equal(ResultCode.InsufficientBalance, chain.Fails("carol", new StakeDelegatePayload(alice, Fsh(2_000))));

        chain.Direct(c => StakingModule.Slash(c, alice, 1_000_000, chain.Address("dave"), out _));
        Assert.Equal(ResultCode.StakePoolWipedOut, chain.Fails("carol", new StakeDelegatePayload(alice, Fsh(1))));
        Assert.Equal(ResultCode.StakePoolWipedOut, chain.Fails("alice", new StakeSelfBondPayload(Fsh(1), 0)));
    }

    [Fact]
    public void Unbond_MovesTokensIntoAnEntry_ThatWithdrawsOnlyAfterTheUnbondingPeriod()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        chain.Ok(("bob", new StakeUnbondPayload(alice, Fsh(100))));
        var height = chain.Height;

        var entry = Assert.Single(StakingStore.Unbondings(chain.Chain.State, chain.Address("bob")));
        Assert.Equal(new UnbondingEntry(1, alice, chain.Address("bob"), Fsh(100), height + 100), entry);
        Assert.Equal(Fsh(300), chain.Pool("alice").Tokens);
        Assert.Equal(Fsh(300), StakingModule.BondedTokens(chain.Chain.State, alice));
        Assert.Equal(Fsh(100), chain.BalanceOf(StakingStore.UnbondingAccount(alice)));

        chain.Advance(98);
        Assert.Equal(ResultCode.StakeNothingToWithdraw, chain.Fails("bob", new StakeWithdrawPayload()));
        Assert.Equal(height + 100, chain.Height + 1);
        var before = chain.Balance("bob");
        chain.Ok(("bob", new StakeWithdrawPayload()));
        Assert.Equal(before + Fsh(100) - TestChain.MinFee, chain.Balance("bob"));
        Assert.Empty(StakingStore.Unbondings(chain.Chain.State, chain.Address("bob")));
        Assert.Equal(Amount.Zero, chain.BalanceOf(StakingStore.UnbondingAccount(alice)));
    }

    [Fact]
    public void Unbond_OfTheWholePosition_DeletesIt_AndSelfStakeUnbondsFromTheOwnPool()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        chain.Ok(("bob", new StakeUnbondPayload(alice, Fsh(300))), ("alice", new StakeUnbondPayload(alice, Fsh(40))));

        Assert.Null(StakingStore.Position(chain.Chain.State, alice, chain.Address("bob")));
        Assert.Equal(Fsh(60), StakingModule.SelfBonded(chain.Chain.State, alice));
        Assert.Equal(Fsh(60), chain.Pool("alice").Shares);
        Assert.Equal(2, StakingStore.PoolUnbondings(chain.Chain.State, alice).Count());
    }

    [Fact]
    public void Unbond_Refusals()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        Assert.Equal(ResultCode.StakeZeroAmount, chain.Fails("bob", new StakeUnbondPayload(alice, Amount.Zero)));
        Assert.Equal(ResultCode.StakePoolNotFound, chain.Fails("bob", new StakeUnbondPayload(chain.Address("dave"), Fsh(1))));
        Assert.Equal(ResultCode.StakeInsufficientStake, chain.Fails("carol", new StakeUnbondPayload(alice, Fsh(1))));
        Assert.Equal(ResultCode.StakeInsufficientStake, chain.Fails("bob", new StakeUnbondPayload(alice, Fsh(300) + Amount.One)));
    }

    [Fact]
    public void Slash_HitsThePoolAndItsUnbondingEntries_ButNotCompletedOnes()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        chain.Ok(("bob", new StakeUnbondPayload(alice, Fsh(100))));
        chain.Advance(100);
        chain.Ok(("bob", new StakeUnbondPayload(alice, Fsh(50))));
        // Entry 1 has completed (not withdrawn yet), entry 2 is still unbonding.
        var slashed = Amount.Zero;
        var (code, events) = chain.Direct(c => StakingModule.Slash(c, alice, 100_000, chain.Address("dave"), out slashed));

        Assert.Equal(ResultCode.Ok, code);
        Assert.Equal(Fsh(25) + Fsh(5), slashed);
        Assert.Equal(slashed, events.Where(e => e.Tag == FlowTag.Slash && e.To == chain.Address("dave")).Aggregate(Amount.Zero, (s, e) => s + e.Amount));
        Assert.Equal(Fsh(225), chain.Pool("alice").Tokens);
        var entries = StakingStore.PoolUnbondings(chain.Chain.State, alice).ToList();
        Assert.Equal([Fsh(100), Fsh(45)], entries.Select(e => e.Tokens));
        Assert.Equal(Fsh(145), chain.BalanceOf(StakingStore.UnbondingAccount(alice)));
        // Every position lost pro rata: alice 100 → 90 of her own stake is what the market sees.
        Assert.Equal(Fsh(90), StakingModule.SelfBonded(chain.Chain.State, alice));
        Assert.Equal(ResultCode.StakeBadSlashFraction, chain.Direct(c => StakingModule.Slash(c, alice, 1_000_001, chain.Address("dave"), out _)).Code);
    }

    [Fact]
    public void Claim_PaysTheDelegatorsAccruedRewards_Once()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        chain.Direct(c => StakingModule.PayProvider(c, chain.Address("carol"), alice, Fsh(40)));
        // 4 FSH commission, then 36 split 1:3: alice 9, bob 27.
        var before = chain.Balance("bob");
        chain.Ok(("bob", new StakeClaimPayload(alice)));
        Assert.Equal(before + Fsh(27) - TestChain.MinFee, chain.Balance("bob"));
        Assert.Equal(ResultCode.StakeNothingToClaim, chain.Fails("bob", new StakeClaimPayload(alice)));
        Assert.Equal(ResultCode.StakeNothingToClaim, chain.Fails("carol", new StakeClaimPayload(alice)));
        Assert.Equal(ResultCode.StakeNothingToClaim, chain.Fails("alice", new StakeClaimPayload(alice)));
        Assert.Equal(ResultCode.StakePoolNotFound, chain.Fails("bob", new StakeClaimPayload(chain.Address("dave"))));
    }

    [Fact]
    public void Rewards_AccruedBeforeUnbonding_StayClaimable()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        chain.Direct(c => StakingModule.PayProvider(c, chain.Address("carol"), alice, Fsh(40)));
        chain.Ok(("bob", new StakeUnbondPayload(alice, Fsh(300))));
        chain.Direct(c => StakingModule.PayProvider(c, chain.Address("carol"), alice, Fsh(40)));
        Assert.Equal(Fsh(27), StakingModule.PendingRewards(chain.Chain.State, alice, chain.Address("bob")));
        chain.Ok(("bob", new StakeClaimPayload(alice)));
        Assert.Null(StakingStore.Position(chain.Chain.State, alice, chain.Address("bob")));
    }

    [Fact]
    public void RewardSplit_IsExact_ClaimsPlusProviderPlusDustEqualThePayments()
    {
        var chain = new StakeChain();
        var alice = chain.Address("alice");
        chain.Ok(("alice", new StakeSelfBondPayload(Fsh(100) + new Amount(7), 1_234)));
        chain.Ok(("bob", new StakeDelegatePayload(alice, Fsh(33) + new Amount(1))), ("carol", new StakeDelegatePayload(alice, new Amount(999_999_999_999_999))));
        var providerBefore = chain.Balance("alice");
        var paid = Amount.Zero;
        foreach (var amount in new[] { new Amount(1), new Amount(99_999), Fsh(3) + new Amount(17), new Amount(123_456_789_012_345_679) })
        {
            chain.Direct(c => StakingModule.PayProvider(c, chain.Address("dave"), alice, amount));
            paid += amount;
        }

        var claims = Amount.Zero;
        foreach (var name in new[] { "bob", "carol" })
        {
            var before = chain.Balance(name);
            chain.Ok((name, new StakeClaimPayload(alice)));
            claims += chain.Balance(name) + TestChain.MinFee - before;
        }

        var provider = chain.Balance("alice") - providerBefore;
        var dust = chain.BalanceOf(StakingStore.RewardAccount(alice));
        Assert.Equal(paid, claims + provider + dust);
        // Beyond the carry, at most one base unit per payment (booking rounds up) and per claim (paying rounds down).
        var carry = chain.Pool("alice").RewardCarry;
        Assert.True(dust >= carry && dust - carry < new Amount(4 + 2), $"dust {dust}, carry {carry}");
        Assert.True(claims > Fsh(1) / new Amount(2), $"claims {claims}");
    }

    [Fact]
    public void PayProvider_WithOnlySelfStake_PaysTheProviderEverything()
    {
        var chain = new StakeChain();
        var alice = chain.Address("alice");
        chain.Ok(("alice", new StakeSelfBondPayload(Fsh(100), 1_000)));
        var before = chain.Balance("alice");
        chain.Direct(c => StakingModule.PayProvider(c, chain.Address("carol"), alice, Fsh(5)));
        Assert.Equal(before + Fsh(5), chain.Balance("alice"));
        Assert.Equal(Amount.Zero, chain.BalanceOf(StakingStore.RewardAccount(alice)));
    }

    [Fact]
    public void CommissionChange_TakesEffectOnlyAfterTheUnbondingPeriod()
    {
        var chain = AliceWithBob();
        var alice = chain.Address("alice");
        chain.Ok(("alice", new StakeSetCommissionPayload(1_500)));
        var effective = chain.Height + 100;
        Assert.True(chain.Pool("alice").HasPendingCommission(chain.Height + 1));
        Assert.Equal(1_000, chain.Pool("alice").CommissionAt(effective - 1));
        Assert.Equal(1_500, chain.Pool("alice").CommissionAt(effective));

        chain.Advance(effective - 2 - chain.Height);
        Assert.Equal(Fsh(4) + Fsh(9), AliceIncome(chain, alice)); // at effective − 1: 10 % of 40, then 1/4 of 36
        chain.Advance(1);
        Assert.Equal(Fsh(6) + Amount.Parse("8500000000000000000"), AliceIncome(chain, alice)); // at effective: 15 % of 40, then 1/4 of 34
    }

    [Fact]
    public void CommissionChange_IsCappedPerChange_ByTheMaximum_AndResettingItCancels()
    {
        var chain = AliceWithBob();
        Assert.Equal(ResultCode.StakeCommissionChangeTooLarge, chain.Fails("alice", new StakeSetCommissionPayload(1_501)));
        Assert.Equal(ResultCode.StakeCommissionChangeTooLarge, chain.Fails("alice", new StakeSetCommissionPayload(499)));
        Assert.Equal(ResultCode.StakePoolNotFound, chain.Fails("bob", new StakeSetCommissionPayload(1_000)));
        chain.Ok(("alice", new StakeSetCommissionPayload(500)));
        chain.Ok(("alice", new StakeSetCommissionPayload(1_000)));
        Assert.False(chain.Pool("alice").HasPendingCommission(chain.Height + 1));
        Assert.Equal(1_000, chain.Pool("alice").CommissionAt(ulong.MaxValue));

        var high = new StakeChain();
        high.Ok(("alice", new StakeSelfBondPayload(Fsh(100), 4_800)));
        Assert.Equal(ResultCode.StakeCommissionTooHigh, high.Fails("alice", new StakeSetCommissionPayload(5_001)));
    }

    [Fact]
    public void Parameters_AreGovernable_WithinTheirRanges()
    {
        var chain = new StakeChain();
        var state = chain.Chain.State;
        var unbonding = GovernableParameters.FindByName("stake.unbonding-blocks")!;
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(state, new GovAction(ModuleIds.Staking, unbonding.Id, new Amount(7))));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Apply(state, new GovAction(ModuleIds.Staking, unbonding.Id, Amount.Zero)));
        var maxCommission = GovernableParameters.FindByName("stake.max-commission-bps")!;
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(state, new GovAction(ModuleIds.Staking, maxCommission.Id, new Amount(800))));
        state.Commit();
        Assert.Equal(StakingParams.Default with { UnbondingBlocks = 7, MaxCommissionBps = 800 }, StakingModule.Params(state));
        Assert.Equal(6, GovernableParameters.All.Count(p => p.Module == ModuleIds.Staking && p.Name.StartsWith("stake.", StringComparison.Ordinal)));

        // A lower cap also caps a pool whose commission was set above it.
        chain.Ok(("alice", new StakeSelfBondPayload(Fsh(100), 800)));
        chain.Ok(("bob", new StakeDelegatePayload(chain.Address("alice"), Fsh(100))));
        Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(state, new GovAction(ModuleIds.Staking, maxCommission.Id, new Amount(0))));
        state.Commit();
        Assert.Equal(Fsh(20), AliceIncome(chain, chain.Address("alice")));
    }

    [Fact]
    public void PayloadsAndRecords_RoundTrip()
    {
        var chain = new StakeChain();
        var bob = chain.Address("bob");
        TxPayload[] payloads =
        [
            new StakeSelfBondPayload(Fsh(100), 1_000), new StakeDelegatePayload(bob, Amount.One), new StakeUnbondPayload(bob, Fsh(3)),
            new StakeWithdrawPayload(), new StakeClaimPayload(bob), new StakeSetCommissionPayload(42),
        ];
        foreach (var payload in payloads)
        {
            var tx = chain.Chain.Sign("alice", payload);
            Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(tx.Encoded, out var decoded));
            Assert.Equal(tx.Body, decoded!.Body);
        }

        var pool = new StakePool(bob, Fsh(5), Fsh(6), 7, 8, 9, Fsh(10), new Amount(11));
        Assert.Equal(pool, StakePool.Decode(pool.Encode()));
        var position = new StakePosition(bob, chain.Address("carol"), Fsh(1), Fsh(2), Fsh(3));
        Assert.Equal(position, StakePosition.Decode(position.Encode()));
        var entry = new UnbondingEntry(4, bob, chain.Address("carol"), Fsh(5), 6);
        Assert.Equal(entry, UnbondingEntry.Decode(entry.Encode()));
        var parameters = StakingParams.Default with { UnbondingBlocks = 3 };
        Assert.Equal(parameters, StakingParams.Decode(parameters.Encode()));
    }

    /// <summary>What alice receives when carol pays her pool 40 FSH.</summary>
    private static Amount AliceIncome(StakeChain chain, Address alice)
    {
        var before = chain.BalanceOf(alice);
        Assert.Equal(ResultCode.Ok, chain.Direct(c => StakingModule.PayProvider(c, chain.Address("carol"), alice, Fsh(40))).Code);
        return chain.BalanceOf(alice) - before;
    }
}
