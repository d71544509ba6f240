using System.Numerics;

namespace Fairshare.Core.Modules.Governance;

/// <summary>A proposal's vote totals (defi-math.md §8.2 <c>cast_vote</c>).</summary>
/// <param name="For">Votes for (support 1).</param>
/// <param name="Against">Votes against (support 0).</param>
/// <param name="Abstain">Abstentions (support 2).</param>
public sealed record VoteTally(BigInteger For, BigInteger Against, BigInteger Abstain);
