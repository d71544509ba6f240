using System.Numerics;

namespace Fairshare.Core.Modules.Governance;

/// <summary>The voting window a new proposal gets (defi-math.md §8.2 <c>propose</c>).</summary>
/// <param name="StartBlock"><c>block_number + voting_delay</c>.</param>
/// <param name="EndBlock"><c>StartBlock + voting_period</c>.</param>
public sealed record ProposalWindow(BigInteger StartBlock, BigInteger EndBlock);
