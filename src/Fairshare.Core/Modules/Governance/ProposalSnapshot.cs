using System.Numerics;

namespace Fairshare.Core.Modules.Governance;

/// <summary>The stored fields of a GovernorBravo proposal that its state depends on (defi-math.md §8.1).</summary>
/// <param name="Id">The proposal id.</param>
/// <param name="Canceled">Whether it was canceled.</param>
/// <param name="Executed">Whether it was executed.</param>
/// <param name="StartBlock">Voting starts after this block.</param>
/// <param name="EndBlock">Voting ends with this block (inclusive).</param>
/// <param name="ForVotes">Votes for.</param>
/// <param name="AgainstVotes">Votes against.</param>
/// <param name="Eta">Timelock execution time; 0 until queued.</param>
public sealed record ProposalSnapshot(
    BigInteger Id, bool Canceled, bool Executed, BigInteger StartBlock, BigInteger EndBlock,
    BigInteger ForVotes, BigInteger AgainstVotes, BigInteger Eta);
