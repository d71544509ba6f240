namespace Fairshare.Core.Modules.Market;

/// <summary>
/// How an epoch's provider emission is shared by verified work (design §4 "Treasury and emission"); governed by
/// <c>market.reward-curve</c>. Job payments never follow it: clients pay for the work done.
/// </summary>
public enum RewardCurve : byte
{
    /// <summary>Proportional to verified work units.</summary>
    Linear = 0,

    /// <summary>Proportional to ⌊√work⌋: the largest providers' extra work earns less emission per unit.</summary>
    Concave = 1,

    /// <summary>Proportional to work, but no provider gets more than <c>market.reward-cap-bps</c> of the epoch's emission.</summary>
    Capped = 2,
}
