using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;
using static Fairshare.Core.Tests.Modules.Governance.GovChain;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>Invariants of locks, delegation and votes over random sequences of valid and invalid steps.</summary>
public sealed class GovernancePropertyTests
{
    private static readonly string[] Actors = ["alice", "bob", "carol", "dave"];

    private static TxPayload Step(GovChain gov, byte op, byte whom, byte size)
    {
        var amount = Fsh((ulong)size * 5 + 1);
        uint latest = GovStore.ProposalCount(gov.Chain.State);
        return (op % 6) switch
        {
            0 or 1 => new GovLockPayload(amount),
            2 => new GovUnlockPayload(amount),
            3 => new GovDelegatePayload(gov.Chain.Key(Actors[whom % Actors.Length]).Address),
            4 => new GovProposePayload([FeeSwitchOn], "random"),
            _ => new GovVotePayload(latest == 0 ? 1 : latest - (uint)(whom % 2), (byte)(size % 4)),
        };
    }

    [Property(MaxTest = 40)]
    public void LocksEqualTheEscrow_SupplyIsConserved_AndPriorVotesAreExact(byte[] script)
    {
        var gov = new GovChain();
        var state = gov.Chain.State;
        var history = new List<(ulong Height, Amount[] Votes)>();
        for (int i = 0; i + 3 < script.Length && i < 160; i += 4)
        {
            string from = Actors[script[i + 1] % Actors.Length];
            var tx = gov.Chain.Sign(from, Step(gov, script[i], script[i + 2], script[i + 3]));
            var root = state.ComputeRoot();
            var fingerprint = gov.Chain.Fingerprint();
            var produced = gov.Chain.Produce(script[i] % 7 == 6 ? [] : [tx]);
            if (!produced.Rejected.IsEmpty)
            {
                Assert.Equal(root, state.ComputeRoot());
                Assert.Equal(fingerprint, gov.Chain.Fingerprint());
            }

            foreach (var asset in state.Assets) Assert.Equal(asset.Supply, gov.Chain.SumOfBalances(asset.Id));
            var addresses = Actors.Select(a => gov.Chain.Key(a).Address).ToArray();
            var escrow = state.BalanceOf(GovStore.Escrow, AssetId.Fsh);
            Assert.Equal(escrow, addresses.Aggregate(Amount.Zero, (sum, a) => sum + GovStore.Lock(state, a).Locked));
            Assert.Equal(escrow, GovStore.CurrentVotes(state, GovStore.Escrow));
            var votes = addresses.Select(a => GovStore.CurrentVotes(state, a)).ToArray();
            Assert.Equal(escrow, votes.Aggregate(Amount.Zero, (sum, v) => sum + v));
            history.Add((gov.Height, votes));
        }

        foreach (var (height, votes) in history)
        {
            for (int a = 0; a < Actors.Length; a++)
                Assert.Equal(votes[a], GovStore.VotesAt(state, gov.Chain.Key(Actors[a]).Address, height));
        }
    }
}
