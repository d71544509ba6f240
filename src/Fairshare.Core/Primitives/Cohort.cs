namespace Fairshare.Core.Primitives;

/// <summary>Who an account belongs to, as tagged at genesis. Stable values: they are part of the state.</summary>
public enum Cohort : byte
{
    /// <summary>No genesis tag.</summary>
    None = 0,

    /// <summary>Founding team.</summary>
    Founders = 1,

    /// <summary>Venture investors.</summary>
    Investors = 2,

    /// <summary>Community allocation (grants, liquidity mining budget).</summary>
    Community = 3,

    /// <summary>The protocol treasury.</summary>
    Treasury = 4,

    /// <summary>Bootstrap rewards for early providers.</summary>
    Providers = 5,

    /// <summary>Airdrop recipients.</summary>
    Airdrop = 6,

    /// <summary>Advisors.</summary>
    Advisors = 7,

    /// <summary>Protocol module accounts (escrows).</summary>
    Module = 8,
}
