namespace Fairshare.Analytics.Attribution;

/// <summary>What an account does, beyond its genesis cohort; an account can have several roles.</summary>
[Flags]
public enum AccountRole
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary>Registered in the compute market as a provider.</summary>
    Provider = 1,

    /// <summary>Holds liquidity-pool shares.</summary>
    LiquidityProvider = 2,

    /// <summary>Submitted at least one compute job.</summary>
    Client = 4,

    /// <summary>Holds more than the report's whale threshold.</summary>
    Whale = 8,
}
