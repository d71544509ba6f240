using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>A <see cref="TestChain"/> with governance steps: lock, propose, vote, advance blocks and time.</summary>
internal sealed class GovChain
{
    public GovChain() => Chain = TestChain.Create();

    public TestChain Chain { get; }

    public ulong Height => Chain.State.Head.Height;

    public static Amount Fsh(ulong whole) => new Amount(whole) * Units.OneFsh;

    /// <summary>Produces one block with the transactions, which must all succeed.</summary>
    public void Ok(params (string From, TxPayload Payload)[] steps)
    {
        var produced = Chain.Produce([.. steps.Select(s => Chain.Sign(s.From, s.Payload))]);
        Assert.True(produced.Rejected.IsEmpty, string.Join(", ", produced.Rejected.Select(r => r.Code)));
    }

    /// <summary>Produces a block with one transaction, which must fail; returns its code and checks nothing changed.</summary>
    public ResultCode Fails(string from, TxPayload payload)
    {
        var root = Chain.State.ComputeRoot();
        var fingerprint = Chain.Fingerprint();
        var produced = Chain.Produce(Chain.Sign(from, payload));
        Assert.Equal(root, Chain.State.ComputeRoot());
        Assert.Equal(fingerprint, Chain.Fingerprint());
        return Assert.Single(produced.Rejected).Code;
    }

    /// <summary>Produces empty blocks, one second apart.</summary>
    public void Advance(int blocks)
    {
        for (int i = 0; i < blocks; i++) Chain.Produce();
    }

    /// <summary>Produces one empty block <paramref name="seconds"/> after the head.</summary>
    public void AdvanceSeconds(ulong seconds) =>
        BlockExecutor.Produce(Chain.State, [], Chain.State.Head.TimestampMs + seconds * 1000, Chain.Validator, allowEmpty: true);

    /// <summary>Proposes the actions from <paramref name="proposer"/> and returns the new id.</summary>
    public uint Propose(string proposer, params GovAction[] actions)
    {
        Ok((proposer, new GovProposePayload([.. actions], "test proposal")));
        return GovStore.ProposalCount(Chain.State);
    }

    /// <summary>Advances until the proposal's vote is open.</summary>
    public void ToVoting(uint id) => Advance((int)(Proposal(id).StartBlock + 1 - Height));

    /// <summary>Advances until the proposal's vote is over.</summary>
    public void PastVoting(uint id) => Advance((int)(Proposal(id).EndBlock + 1 - Height));

    public Proposal Proposal(uint id) => GovStore.Proposal(Chain.State, id)!;

    /// <summary>The proposal's state as of the head block.</summary>
    public ProposalState State(uint id) =>
        GovernanceModule.StateOf(Chain.State, Proposal(id), Height, Chain.State.Head.TimestampMs / 1000);

    /// <summary>The state as it would be in the next block (where a transaction now would run).</summary>
    public ProposalState NextBlockState(uint id) =>
        GovernanceModule.StateOf(Chain.State, Proposal(id), Height + 1, Chain.State.Head.TimestampMs / 1000 + 1);

    /// <summary>Turns the AMM's protocol fee switch on.</summary>
    public static GovAction FeeSwitchOn { get; } = new(ModuleIds.Amm, 1, Amount.One);

    /// <summary>Sets governance parameters directly (test setup), outside any block.</summary>
    public void SetParams(GovParams parameters)
    {
        GovStore.SetParams(Chain.State, parameters);
        Chain.State.Commit();
    }

}
