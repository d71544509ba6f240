namespace Fairshare.Core.Modules.Governance;

/// <summary>How a voter's locked votes at a proposal's start block become the weight added to its tally. Stable values.</summary>
public enum VotingRule : byte
{
    /// <summary>One locked FSH base unit, one vote (Compound's rule).</summary>
    TokenWeighted = 0,

    /// <summary>The integer square root of the voter's votes.</summary>
    Quadratic = 1,

    /// <summary>The voter's votes, capped at a share of all votes locked at the start block.</summary>
    Capped = 2,
}
