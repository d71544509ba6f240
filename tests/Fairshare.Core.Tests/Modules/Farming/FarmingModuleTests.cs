using System.Numerics;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Farming;

public sealed class FarmingModuleTests
{
    private static readonly Amount E18 = Amount.Parse("1000000000000000000");

    private static Amount Units(ulong whole) => new Amount(whole) * E18;

    /// <summary>A chain where alice and bob hold FSH/USDF LP shares and the treasury created farm 1 for them.</summary>
    private static (FarmChain Chain, AssetId Lp) ChainWithLpFarm(ulong rewardsDuration)
    {
        var chain = FarmChain.Create();
        foreach (var name in new[] { "alice", "bob" })
        {
            Assert.Equal(ResultCode.Ok, chain.Run(1, "issuer", new MintStablePayload(chain.Address(name), Units(200))));
            Assert.Equal(ResultCode.Ok, chain.Run(1, name, new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Units(100), Units(100), Amount.Zero, Amount.Zero)));
        }

        var lp = AmmPools.Find(chain.Chain.State, AssetId.Fsh, AssetId.Usdf)!.LpAsset;
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmCreatePayload(lp, rewardsDuration)));
        return (chain, lp);
    }

    [Fact]
    public void TwoStakers_EarnProRataToStakeTimesTime_ToTheBaseUnit()
    {
        var (chain, _) = ChainWithLpFarm(1000);
        Assert.Equal(ResultCode.Ok, chain.Run(1, "alice", new FarmStakePayload(1, Units(3))));
        Assert.Equal(ResultCode.Ok, chain.Run(1, "bob", new FarmStakePayload(1, Units(1))));
        // 1000 FSH over 1000 s: 1 FSH a second, 0.25 FSH a second per staked unit.
        Assert.Equal(ResultCode.Ok, chain.Run(5, "treasury", new FarmNotifyRewardPayload(1, Units(1000))));
        var start = chain.Now;
        Assert.Equal(E18, chain.Farm(1).RewardRate);

        chain.After(100);
        var farm = chain.Farm(1);
        Assert.Equal(new Amount(75) * E18, FarmViews.Earned(chain.Chain.State, farm, chain.Address("alice"), chain.Now));
        Assert.Equal(new Amount(25) * E18, FarmViews.Earned(chain.Chain.State, farm, chain.Address("bob"), chain.Now));

        // Bob doubles his stake at start + 200: from then on alice has 3/5 and bob 2/5.
        chain.After(99);
        Assert.Equal(ResultCode.Ok, chain.Run(1, "bob", new FarmStakePayload(1, Units(1))));
        Assert.Equal(start + 200, chain.Now);
        chain.After(300);
        farm = chain.Farm(1);
        Assert.Equal(new Amount(150 + 180) * E18, FarmViews.Earned(chain.Chain.State, farm, chain.Address("alice"), chain.Now));
        Assert.Equal(new Amount(50 + 120) * E18, FarmViews.Earned(chain.Chain.State, farm, chain.Address("bob"), chain.Now));

        // Past the period's end nothing more accrues: the whole 1000 FSH is owed, 3/5 and 2/5 of the last 800 s.
        chain.After(10_000);
        farm = chain.Farm(1);
        var alice = FarmViews.Earned(chain.Chain.State, farm, chain.Address("alice"), chain.Now);
        var bob = FarmViews.Earned(chain.Chain.State, farm, chain.Address("bob"), chain.Now);
        Assert.Equal(new Amount(150 + 480) * E18, alice);
        Assert.Equal(new Amount(50 + 320) * E18, bob);
        Assert.Equal(Units(1000), alice + bob);
    }

    [Fact]
    public void TheLedgerFarm_MatchesTheStakingRewardsContract_StepByStep()
    {
        var (chain, _) = ChainWithLpFarm(777);
        var contract = StakingRewardsState.Initial(2, 777);
        string[] names = ["alice", "bob"];
        var steps = new (ulong Seconds, string Who, TxPayload Payload)[]
        {
            (3, "alice", new FarmStakePayload(1, new Amount(12_345_678_901))),
            (7, "treasury", new FarmNotifyRewardPayload(1, Amount.Parse("123456789012345678901"))),
            (13, "bob", new FarmStakePayload(1, Amount.Parse("3333333333333333333"))),
            (50, "alice", new FarmClaimPayload(1)),
            (101, "bob", new FarmWithdrawPayload(1, Amount.Parse("1111111111111111111"))),
            (200, "treasury", new FarmNotifyRewardPayload(1, Amount.Parse("99999999999999999999"))),
            (333, "alice", new FarmExitPayload(1)),
            (2000, "bob", new FarmClaimPayload(1)),
        };
        foreach (var (seconds, who, payload) in steps)
        {
            var produced = chain.After(seconds, chain.Sign(who, payload));
            Assert.Empty(produced.Rejected);
            BigInteger now = chain.Now;
            int account = Array.IndexOf(names, who);
            BigInteger paid = 0;
            switch (payload)
            {
                case FarmStakePayload stake:
                    contract = StakingRewards.Stake(contract, now, account, stake.Amount.ToBigInteger());
                    break;
                case FarmWithdrawPayload withdraw:
                    contract = StakingRewards.Withdraw(contract, now, account, withdraw.Amount.ToBigInteger());
                    break;
                case FarmNotifyRewardPayload notify:
                    contract = StakingRewards.NotifyRewardAmount(StakingRewards.Fund(contract, notify.Reward.ToBigInteger()), now, notify.Reward.ToBigInteger());
                    break;
                case FarmClaimPayload:
                    (contract, paid) = StakingRewards.GetReward(contract, now, account);
                    break;
                case FarmExitPayload:
                    (contract, paid) = StakingRewards.Exit(contract, now, account);
                    break;
            }

            var emitted = produced.Receipts[0].Events.Where(e => e.Tag == FlowTag.Emission && e.To == chain.Address(who)).ToList();
            Assert.Equal(paid, emitted.Aggregate(BigInteger.Zero, (sum, e) => sum + e.Amount.ToBigInteger()));
            var farm = chain.Farm(1);
            Assert.Equal(contract.RewardRate, farm.RewardRate.ToBigInteger());
            Assert.Equal(contract.PeriodFinish, farm.PeriodFinish);
            Assert.Equal(contract.RewardPerTokenStored, farm.RewardPerTokenStored.ToBigInteger());
            Assert.Equal(contract.TotalSupply, farm.TotalStaked.ToBigInteger());
            Assert.Equal(contract.RewardTokenBalance, chain.RewardBalance(1).ToBigInteger());
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Equal(contract.Accounts[i].Balance, chain.Stake(1, names[i]).Balance.ToBigInteger());
                Assert.Equal(StakingRewards.Earned(contract, now, i), FarmViews.Earned(chain.Chain.State, farm, chain.Address(names[i]), chain.Now).ToBigInteger());
            }
        }
    }

    [Fact]
    public void Claim_PaysExactlyEarned_FromTheFarm_TaggedEmission()
    {
        var (chain, lp) = ChainWithLpFarm(604_800);
        Assert.Equal(ResultCode.Ok, chain.Run(1, "alice", new FarmStakePayload(1, Units(7))));
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmNotifyRewardPayload(1, Units(5000))));
        chain.After(12_345);
        var earned = FarmViews.Earned(chain.Chain.State, chain.Farm(1), chain.Address("alice"), chain.Now + 1);
        var before = chain.Balance("alice", AssetId.Fsh);
        var produced = chain.After(1, chain.Sign("alice", new FarmClaimPayload(1)));
        var reward = Assert.Single(produced.Receipts[0].Events, e => e.Tag == FlowTag.Emission);
        Assert.Equal(new LedgerEvent(FlowTag.Emission, AssetId.Fsh, FarmRegistry.RewardAccount(1), chain.Address("alice"), earned), reward);
        Assert.Equal(before + earned - TestChain.MinFee, chain.Balance("alice", AssetId.Fsh));
        Assert.Equal(earned, chain.Farm(1).TotalPaid);
        Assert.True(chain.Stake(1, "alice").Rewards.IsZero);

        // Exit returns the LP shares and pays what accrued since.
        chain.After(100);
        var lpBefore = chain.Balance("alice", lp);
        Assert.Equal(ResultCode.Ok, chain.Run(1, "alice", new FarmExitPayload(1)));
        Assert.Equal(lpBefore + Units(7), chain.Balance("alice", lp));
        Assert.True(chain.Stake(1, "alice").IsEmpty);
        Assert.True(chain.Farm(1).TotalStaked.IsZero);
    }

    [Fact]
    public void BadInput_GetsItsCode_AndChangesNothing()
    {
        var (chain, lp) = ChainWithLpFarm(1000);
        Assert.Equal(ResultCode.Ok, chain.Run(1, "alice", new FarmStakePayload(1, Units(2))));
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmNotifyRewardPayload(1, Units(100))));
        var treasuryFsh = chain.Balance("treasury", AssetId.Fsh);
        var cases = new (string Who, TxPayload Payload, ResultCode Code)[]
        {
            ("treasury", new FarmNotifyRewardPayload(1, treasuryFsh), ResultCode.InsufficientBalance), // the fee on top
            ("treasury", new FarmNotifyRewardPayload(1, treasuryFsh + Amount.One), ResultCode.InsufficientBalance),
            ("alice", new FarmNotifyRewardPayload(1, Units(1)), ResultCode.NotRewardsDistribution),
            ("alice", new FarmCreatePayload(lp, 1000), ResultCode.NotRewardsDistribution),
            ("treasury", new FarmCreatePayload(new AssetId(999), 1000), ResultCode.UnknownAsset),
            ("treasury", new FarmCreatePayload(lp, 0), ResultCode.BadRewardsDuration),
            ("treasury", new FarmCreatePayload(lp, FarmingModule.MaxRewardsDuration + 1), ResultCode.BadRewardsDuration),
            ("treasury", new FarmNotifyRewardPayload(9, Units(1)), ResultCode.FarmNotFound),
            ("treasury", new FarmSetRewardsDurationPayload(1, 50), ResultCode.PreviousPeriodNotComplete),
            ("bob", new FarmStakePayload(1, Amount.Zero), ResultCode.CannotStake0),
            ("bob", new FarmStakePayload(1, Units(1_000_000)), ResultCode.InsufficientBalance),
            ("bob", new FarmStakePayload(2, Units(1)), ResultCode.FarmNotFound),
            ("alice", new FarmWithdrawPayload(1, Amount.Zero), ResultCode.CannotWithdraw0),
            ("alice", new FarmWithdrawPayload(1, Units(2) + Amount.One), ResultCode.InsufficientStake),
            ("bob", new FarmExitPayload(1), ResultCode.CannotWithdraw0),
            ("bob", new FarmClaimPayload(3), ResultCode.FarmNotFound),
        };
        foreach (var (who, payload, code) in cases)
        {
            var fingerprint = chain.Chain.Fingerprint();
            var root = chain.Chain.State.ComputeRoot();
            var produced = chain.After(1, chain.Sign(who, payload));
            Assert.Equal(code, Assert.Single(produced.Rejected).Code);
            Assert.Equal(fingerprint, chain.Chain.Fingerprint());
            // Only the head moved: the state root over accounts and records is the same.
            Assert.Equal(root, chain.Chain.State.ComputeRoot());
        }
    }

    [Fact]
    public void SetRewardsDuration_AppliesToTheNextPeriod()
    {
        var (chain, _) = ChainWithLpFarm(1000);
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmNotifyRewardPayload(1, Units(10))));
        Assert.Equal(ResultCode.Ok, chain.Run(1001, "treasury", new FarmSetRewardsDurationPayload(1, 10)));
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmNotifyRewardPayload(1, Units(10))));
        Assert.Equal(Units(1), chain.Farm(1).RewardRate);
        Assert.Equal(chain.Now + 10, chain.Farm(1).PeriodFinish);
    }

    [Fact]
    public void FshCanBeStaked_TheStakeIsKeptApartFromTheRewards()
    {
        var chain = FarmChain.Create();
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmCreatePayload(AssetId.Fsh, 100)));
        Assert.Equal(ResultCode.Ok, chain.Run(1, "alice", new FarmStakePayload(1, Units(50))));
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmNotifyRewardPayload(1, Units(10))));
        Assert.Equal(Units(10), chain.RewardBalance(1));
        Assert.Equal(Units(50), chain.Chain.State.BalanceOf(FarmRegistry.StakeAccount(1), AssetId.Fsh));
        chain.After(50);
        // 0.1 FSH a second on 50 FSH staked: 3,153,600 FSH a year, 63,072 times the stake.
        Assert.Equal(new BigInteger(630_720_000), FarmViews.AprBps(chain.Chain.State, chain.Farm(1), chain.Now));
        Assert.Equal(ResultCode.Ok, chain.Run(100, "alice", new FarmExitPayload(1)));
        Assert.Equal(Units(10), chain.Farm(1).TotalPaid);
        Assert.True(chain.RewardBalance(1).IsZero);
    }

    [Fact]
    public void Payloads_RoundTripThroughTheCodec()
    {
        var chain = TestChain.Create();
        TxPayload[] payloads =
        [
            new FarmCreatePayload(new AssetId(7), 604_800), new FarmNotifyRewardPayload(3, Units(12)),
            new FarmStakePayload(1, new Amount(5)), new FarmWithdrawPayload(2, Amount.MaxValue), new FarmClaimPayload(4),
            new FarmExitPayload(uint.MaxValue), new FarmSetRewardsDurationPayload(1, 86_400),
            new BatchPayload([new FarmClaimPayload(1), new FarmStakePayload(1, Units(1))]),
        ];
        foreach (var payload in payloads)
        {
            var tx = chain.Sign("alice", payload);
            Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(tx.Encoded, out var decoded));
            Assert.Equal(tx.Body, decoded!.Body);
        }
    }
}
