using System.Numerics;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Governance;

/// <summary>The voting rules' weight functions, in integer math.</summary>
public static class VoteWeights
{
    /// <summary>
    /// The weight of <paramref name="votes"/> under <paramref name="rule"/>: the votes themselves, their integer square
    /// root, or the smaller of them and <paramref name="cap"/>.
    /// </summary>
    public static BigInteger Weight(VotingRule rule, BigInteger votes, BigInteger cap) => rule switch
    {
        VotingRule.TokenWeighted => votes,
        VotingRule.Quadratic => Checked.Sqrt(votes),
        VotingRule.Capped => BigInteger.Min(votes, cap),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown voting rule"),
    };

    /// <summary>The capped rule's cap: <c>⌊totalLocked × capBps / 10000⌋</c>.</summary>
    public static BigInteger Cap(ushort capBps, BigInteger totalLocked) => Div(Mul(totalLocked, capBps), Units.BpsDenominator);
}
