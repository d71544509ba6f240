namespace Fairshare.Conformance.Metrics;

/// <summary>The kinds of extra checks of metrics.md §4.</summary>
internal enum ExtraKind
{
    /// <summary>Args: vector id, then the points as "x;y" pairs.</summary>
    LorenzPoints,

    /// <summary>Args: vector id, p, L(p).</summary>
    LorenzValue,

    /// <summary>Args: θ, NC, then the holdings.</summary>
    NakamotoThreshold,

    /// <summary>Args: the ramp's sample Gini, the equal holdings' Palma.</summary>
    ClosedForms,

    /// <summary>Args: the description ("empty", "total zero", "negative holding"), then the holdings.</summary>
    ErrorInput,
}
