using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Modules.Farming;

/// <summary>Invariants of a farm over random sequences of stake, withdraw, claim, exit, notify and duration changes.</summary>
public sealed class FarmingPropertyTests
{
    private static readonly string[] Stakers = ["alice", "bob", "carol"];
    private static readonly Amount Unit = Amount.Parse("10000000000000000"); // 0.01 FSH

    /// <summary>Turns three script bytes into a step: who, what and how much (some of it invalid on purpose).</summary>
    private static (string Who, TxPayload Payload) Step(FarmChain chain, byte op, byte who, byte size)
    {
        string staker = Stakers[who % Stakers.Length];
        // From zero to more than anyone holds (1000 FSH), so some steps overdraw.
        var amount = new Amount(size) * new Amount(size) * Unit * (op % 7 == 6 ? new Amount(10) : Amount.One);
        return (op % 8) switch
        {
            0 or 1 => (staker, new FarmStakePayload(1, amount)),
            2 => (staker, new FarmWithdrawPayload(1, size % 5 == 0 ? chain.Stake(1, staker).Balance : amount)),
            3 => (staker, new FarmClaimPayload(1)),
            4 => (staker, new FarmExitPayload(1)),
            5 or 6 => ("treasury", new FarmNotifyRewardPayload(1, amount * new Amount(size % 3 == 0 ? 1000UL : 1UL))),
            _ => ("treasury", new FarmSetRewardsDurationPayload(1, 1 + (ulong)size)),
        };
    }

    /// <summary>The same step on the contract model; throws its revert when the contract would.</summary>
    private static StakingRewardsState Model(StakingRewardsState contract, BigInteger now, string who, TxPayload payload)
    {
        int account = Array.IndexOf(Stakers, who);
        return payload switch
        {
            FarmStakePayload stake => StakingRewards.Stake(contract, now, account, stake.Amount.ToBigInteger()),
            FarmWithdrawPayload withdraw => StakingRewards.Withdraw(contract, now, account, withdraw.Amount.ToBigInteger()),
            FarmClaimPayload => StakingRewards.GetReward(contract, now, account).State,
            FarmExitPayload => StakingRewards.Exit(contract, now, account).State,
            FarmNotifyRewardPayload notify => StakingRewards.NotifyRewardAmount(
                StakingRewards.Fund(contract, notify.Reward.ToBigInteger()), now, notify.Reward.ToBigInteger()),
            FarmSetRewardsDurationPayload set => StakingRewards.SetRewardsDuration(contract, now, set.RewardsDuration),
            _ => throw new ArgumentOutOfRangeException(nameof(payload)),
        };
    }

    [Property(MaxTest = 60)]
    public void SupplyIsConserved_TheFarmNeverPaysMoreThanNotified_AndItAgreesWithTheContract(byte[] script)
    {
        var chain = FarmChain.Create();
        Assert.Equal(ResultCode.Ok, chain.Run(1, "treasury", new FarmCreatePayload(AssetId.Fsh, 300)));
        var contract = StakingRewardsState.Initial(Stakers.Length, 300);
        for (int i = 0; i + 3 < script.Length && i < 200; i += 4)
        {
            var (who, payload) = Step(chain, script[i], script[i + 1], script[i + 2]);
            var fingerprint = chain.Chain.Fingerprint();
            var root = chain.Chain.State.ComputeRoot();
            var produced = chain.After(1 + (ulong)script[i + 3] % 97, chain.Sign(who, payload));
            if (produced.Rejected.IsEmpty)
            {
                Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
                contract = Model(contract, chain.Now, who, payload);
            }
            else
            {
                Assert.Equal(fingerprint, chain.Chain.Fingerprint());
                Assert.Equal(root, chain.Chain.State.ComputeRoot());
                var code = produced.Rejected[0].Code;
                if (code is ResultCode.CannotStake0 or ResultCode.CannotWithdraw0 or ResultCode.PreviousPeriodNotComplete)
                    Assert.Equal(code, RevertCodes.ToResultCode(Assert.Throws<RevertException>(() => Model(contract, chain.Now, who, payload)).Error));
            }

            AssertInvariants(chain, contract);
        }
    }

    private static void AssertInvariants(FarmChain chain, StakingRewardsState contract)
    {
        var state = chain.Chain.State;
        foreach (var asset in state.Assets)
            Assert.Equal(asset.Supply, chain.Chain.SumOfBalances(asset.Id));

        var farm = chain.Farm(1);
        var rewardBalance = chain.RewardBalance(1);
        Assert.Equal(farm.TotalNotified, rewardBalance + farm.TotalPaid);
        var owed = Stakers.Aggregate(Amount.Zero, (sum, name) => sum + FarmViews.Earned(state, farm, chain.Address(name), chain.Now));
        Assert.True(farm.TotalPaid + owed <= farm.TotalNotified, $"paid {farm.TotalPaid} + owed {owed} > notified {farm.TotalNotified}");
        Assert.True(owed <= rewardBalance);

        var staked = Stakers.Aggregate(Amount.Zero, (sum, name) => sum + chain.Stake(1, name).Balance);
        Assert.Equal(farm.TotalStaked, staked);
        Assert.Equal(staked, state.BalanceOf(FarmRegistry.StakeAccount(1), AssetId.Fsh));

        Assert.Equal(contract.RewardRate, farm.RewardRate.ToBigInteger());
        Assert.Equal(contract.PeriodFinish, farm.PeriodFinish);
        Assert.Equal(contract.RewardsDuration, farm.RewardsDuration);
        Assert.Equal(contract.RewardPerTokenStored, farm.RewardPerTokenStored.ToBigInteger());
        Assert.Equal(contract.RewardTokenBalance, rewardBalance.ToBigInteger());
        for (int i = 0; i < Stakers.Length; i++)
        {
            Assert.Equal(contract.Accounts[i].Balance, chain.Stake(1, Stakers[i]).Balance.ToBigInteger());
            Assert.Equal(StakingRewards.Earned(contract, chain.Now, i), FarmViews.Earned(state, farm, chain.Address(Stakers[i]), chain.Now).ToBigInteger());
        }
    }
}
