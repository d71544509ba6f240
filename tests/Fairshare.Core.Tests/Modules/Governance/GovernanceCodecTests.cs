using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>Governance payloads and records survive their canonical encodings.</summary>
public sealed class GovernanceCodecTests
{
    private static readonly TestChain Chain = TestChain.Create();

    public static TheoryData<TxPayload> Payloads() =>
    [
        new GovLockPayload(GovChain.Fsh(12)),
        new GovUnlockPayload(Amount.One),
        new GovDelegatePayload(Chain.Key("bob").Address),
        new GovProposePayload([GovChain.FeeSwitchOn, new GovAction(GovernableParameters.LedgerModule, 1, new Amount(7))], "fee switch ✓"),
        new GovVotePayload(3, 2),
        new GovQueuePayload(4),
        new GovExecutePayload(5),
        new GovCancelPayload(6),
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payloads_RoundTrip(TxPayload payload)
    {
        var tx = Chain.Sign("alice", payload);
        Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(tx.Encoded, out var decoded));
        Assert.Equal(tx.Body, decoded!.Body);
    }

    [Fact]
    public void AProposalWithElevenActions_DoesNotDecode()
    {
        var tx = Chain.Sign("alice", new GovProposePayload([.. Enumerable.Repeat(GovChain.FeeSwitchOn, 11)], "x"));
        Assert.Equal(ResultCode.TooManyItems, TransactionCodec.TryDecode(tx.Encoded, out _));
    }

    [Fact]
    public void Records_RoundTrip()
    {
        var proposal = new Proposal(7, Chain.Key("carol").Address, 10, 15, 99, GovChain.Fsh(3), Amount.One, Amount.Zero, false, true,
            VotingRule.Capped, 2500, GovChain.Fsh(400), [GovChain.FeeSwitchOn], "text");
        Assert.Equal(proposal, Proposal.Decode(proposal.Encode()));
        var parameters = GovParams.Default with { VotingRule = VotingRule.Quadratic, CapBps = 1 };
        Assert.Equal(parameters, GovParams.Decode(parameters.Encode()));
        Assert.All(GovernableParameters.All, p => Assert.True(p.Accepts(p.Read(Chain.State)), p.Name));
        Assert.Equal(GovernableParameters.All.Length, GovernableParameters.All.Select(p => (p.Module, p.Id)).Distinct().Count());
        Assert.NotNull(GovernableParameters.Find(ModuleIds.Governance, 8));
    }
}
