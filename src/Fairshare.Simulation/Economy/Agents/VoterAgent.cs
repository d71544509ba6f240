using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// A token holder from the airdrop (balances Pareto-distributed): it delegates to itself, locks a share of its FSH
/// for votes, and votes on every proposal. The first voter also proposes, every
/// <see cref="EconomyParameters.ProposalEveryBlocks"/>, to keep the matching policy as it is (a ratification: it is
/// voted on under the governed rule but changes nothing, so the mechanism compared stays fixed during a run).
/// </summary>
internal sealed class VoterAgent : EconomyAgent
{
    private readonly double _lockShare;
    private readonly int _proposalEvery;
    private readonly bool _proposer;

    public VoterAgent(int index, ulong seed, EconomyParameters p, double holding)
        : base($"voter-{index}", seed, 3_000 + (ulong)index)
    {
        Holding = holding;
        _lockShare = p.VoterLockShare;
        _proposalEvery = p.ProposalEveryBlocks;
        _proposer = index == 0;
    }

    /// <summary>Its FSH at genesis.</summary>
    public double Holding { get; }

    public override void Act(EconomyWorld world)
    {
        ulong next = world.Next;
        if (next == 1)
        {
            world.Send(Key, new GovDelegatePayload(Address));
            if (_lockShare > 0) world.Send(Key, new GovLockPayload(TokenUnits.Tokens(Holding * _lockShare)));
            return;
        }

        if (_proposer && _proposalEvery > 0 && next % (ulong)_proposalEvery == 0)
        {
            var policy = new Amount((ulong)MarketStore.Params(world.State).MatchingPolicy);
            world.Send(Key, new GovProposePayload([new GovAction(ModuleIds.Market, 1, policy)], "ratify the matching policy"));
        }

        Ballot.MaybeVote(world, Key, Uniform());
    }
}
