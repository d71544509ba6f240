using Fairshare.Core.Crypto;
using Fairshare.Core.Modules.Governance;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>How holders take part in governance: delegate to themselves once, then vote on the proposal now active.</summary>
internal static class Ballot
{
    /// <summary>The proposal open for votes in the block being built, or null.</summary>
    public static Proposal? Active(EconomyWorld world)
    {
        uint count = GovStore.ProposalCount(world.State);
        if (count == 0 || GovStore.Proposal(world.State, count) is not { } proposal) return null;
        return !proposal.Canceled && world.Next > proposal.StartBlock && world.Next <= proposal.EndBlock ? proposal : null;
    }

    /// <summary>Votes on the active proposal once, if the holder had votes at its start: for with <paramref name="forChance"/>.</summary>
    public static void MaybeVote(EconomyWorld world, KeyPair key, double draw, double forChance = 0.6)
    {
        if (Active(world) is not { } proposal) return;
        if (GovStore.Receipt(world.State, proposal.Id, key.Address) is not null) return;
        if (GovStore.VotesAt(world.State, key.Address, proposal.StartBlock).IsZero) return;
        world.Send(key, new GovVotePayload(proposal.Id, draw < forChance ? (byte)1 : (byte)0));
    }
}
