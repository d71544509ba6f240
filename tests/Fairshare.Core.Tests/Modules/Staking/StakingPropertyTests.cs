using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Modules.Staking;

/// <summary>Invariants of the staking module over random bond, delegate, unbond, withdraw, slash, pay, claim and commission steps.</summary>
public sealed class StakingPropertyTests
{
    private static readonly string[] Providers = ["alice", "bob"];
    private static readonly string[] Accounts = ["alice", "bob", "carol", "dave"];
    private static readonly Amount Unit = Amount.Parse("10000000000000000"); // 0.01 FSH

    /// <summary>What the test tracked from the outside: FSH bonded in, slashed out and withdrawn.</summary>
    private sealed class Totals
    {
        public Amount Bonded { get; set; }

        public Amount Slashed { get; set; }

        public Amount Withdrawn { get; set; }
    }

    [Property(MaxTest = 150, EndSize = 300)]
    public void SupplyIsConserved_StakeIsAccountedFor_AndRewardsAreCovered(byte[] script)
    {
        var chain = new StakeChain();
        // A short unbonding period so that entries complete within a script.
        chain.Direct(c =>
        {
            StakingStore.SetParams(c.State, StakingParams.Default with { UnbondingBlocks = 5, MinSelfBond = StakeChain.Fsh(10) });
            return ResultCode.Ok;
        });
        // Two pools with a delegator each, so that most steps find something to act on.
        chain.Ok(
            ("alice", new StakeSelfBondPayload(StakeChain.Fsh(50), 1_000)), ("bob", new StakeSelfBondPayload(StakeChain.Fsh(50), 2_000)),
            ("carol", new StakeDelegatePayload(chain.Address("alice"), StakeChain.Fsh(100))),
            ("dave", new StakeDelegatePayload(chain.Address("bob"), StakeChain.Fsh(100))));
        var totals = new Totals { Bonded = StakeChain.Fsh(300) };
        for (int i = 0; i + 3 < script.Length && i < 240; i += 4)
        {
            Step(chain, totals, script[i], script[i + 1], script[i + 2]);
            chain.Advance((ulong)(script[i + 3] % 4));
            AssertInvariants(chain, totals);
        }
    }

    /// <summary>Runs one step (some invalid on purpose: refusals must leave the state root unchanged).</summary>
    private static void Step(StakeChain chain, Totals totals, byte op, byte who, byte size)
    {
        var account = Accounts[who % Accounts.Length];
        var provider = chain.Address(Providers[(who >> 2) % Providers.Length]);
        // From zero to more than anyone holds (1000 FSH), so some steps overdraw.
        var amount = new Amount(size) * new Amount(size) * Unit * (size % 5 == 0 ? new Amount(3) : Amount.One);
        switch (op % 8)
        {
            case 0:
                Tx(chain, Providers[who % 2], new StakeSelfBondPayload(amount, (ushort)(size % 60 * 100)), () => totals.Bonded += amount);
                break;
            case 1:
                Tx(chain, account, new StakeDelegatePayload(provider, amount), () => totals.Bonded += amount);
                break;
            case 2:
                var position = StakingStore.Position(chain.Chain.State, provider, chain.Address(account));
                var pool = StakingStore.Pool(chain.Chain.State, provider);
                var all = position is not null && pool is not null ? pool.TokensFor(position.Shares) : amount;
                Tx(chain, account, new StakeUnbondPayload(provider, size % 3 == 0 ? all : amount), () => { });
                break;
            case 3:
                var due = StakingStore.Unbondings(chain.Chain.State, chain.Address(account))
                    .Where(e => e.IsComplete(chain.Height + 1))
                    .Aggregate(Amount.Zero, (sum, e) => sum + e.Tokens);
                Tx(chain, account, new StakeWithdrawPayload(), () => totals.Withdrawn += due);
                break;
            case 4:
                var slashed = Amount.Zero;
                var recipient = chain.Address("carol");
                Assert.Equal(ResultCode.Ok, chain.Direct(c => StakingModule.Slash(c, provider, (uint)size * size * 15, recipient, out slashed)).Code);
                totals.Slashed += slashed;
                break;
            case 5:
                var code = chain.Direct(c => StakingModule.PayProvider(c, chain.Address("issuer"), provider, amount / new Amount(7))).Code;
                Assert.True(code is ResultCode.Ok or ResultCode.InsufficientBalance, code.ToString());
                break;
            case 6:
                Tx(chain, account, new StakeClaimPayload(provider), () => { });
                break;
            default:
                Tx(chain, Providers[who % 2], new StakeSetCommissionPayload((ushort)(size % 16 * 100)), () => { });
                break;
        }
    }

    /// <summary>Runs a transaction; on success records it, on a refusal checks that nothing changed.</summary>
    private static void Tx(StakeChain chain, string from, TxPayload payload, Action onSuccess)
    {
        var root = chain.Chain.State.ComputeRoot();
        var produced = chain.Chain.Produce(chain.Chain.Sign(from, payload));
        if (produced.Rejected.IsEmpty)
        {
            Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
            onSuccess();
        }
        else
        {
            Assert.Equal(root, chain.Chain.State.ComputeRoot());
        }
    }

    private static void AssertInvariants(StakeChain chain, Totals totals)
    {
        var state = chain.Chain.State;
        foreach (var asset in state.Assets)
            Assert.Equal(asset.Supply, chain.Chain.SumOfBalances(asset.Id));

        var inPools = Amount.Zero;
        foreach (var pool in StakingStore.Pools(state))
        {
            var provider = pool.Provider;
            Assert.Equal(pool.Tokens, chain.BalanceOf(StakingStore.BondedAccount(provider)));
            Assert.True(pool.Shares >= pool.Tokens, $"shares {pool.Shares} < tokens {pool.Tokens}");
            var positions = StakingStore.Positions(state, provider).ToList();
            Assert.Equal(pool.Shares, positions.Aggregate(Amount.Zero, (sum, p) => sum + p.Shares));
            var unbonding = StakingStore.PoolUnbondings(state, provider).Aggregate(Amount.Zero, (sum, e) => sum + e.Tokens);
            Assert.Equal(unbonding, chain.BalanceOf(StakingStore.UnbondingAccount(provider)));
            var claimable = positions.Aggregate(Amount.Zero, (sum, p) => sum + StakingModule.PendingRewards(state, provider, p.Delegator));
            var rewards = chain.BalanceOf(StakingStore.RewardAccount(provider));
            Assert.True(claimable + pool.RewardCarry <= rewards, $"claimable {claimable} + carry {pool.RewardCarry} > reward account {rewards}");
            inPools += pool.Tokens;
        }

        var unbondingAll = StakingStore.AllUnbondings(state).Aggregate(Amount.Zero, (sum, e) => sum + e.Tokens);
        Assert.Equal(totals.Bonded - totals.Slashed, inPools + unbondingAll + totals.Withdrawn);
    }
}
