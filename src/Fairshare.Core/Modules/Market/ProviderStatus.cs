namespace Fairshare.Core.Modules.Market;

/// <summary>
/// Whether a provider takes new slots, and if not why (<see cref="ProviderEligibility.Status(Ledger.State.LedgerState, ProviderRecord, ulong, bool)"/>), in the order the matcher
/// checks. Stable values: views and the API name them (<see cref="ProviderEligibility.Name"/>).
/// </summary>
public enum ProviderStatus : byte
{
    /// <summary>Registered, not jailed, heartbeat recent, self-bond enough, and a free slot.</summary>
    Available = 0,

    /// <summary>Every slot of its capacity is taken.</summary>
    Full = 1,

    /// <summary>Found lying; no new slots until its jail ends.</summary>
    Jailed = 2,

    /// <summary>No heartbeat within <c>market.heartbeat-timeout-blocks</c>.</summary>
    NoHeartbeat = 3,

    /// <summary>Its own stake is below <c>stake.min-self-bond</c> (slashed, or unbonded).</summary>
    SelfBondTooLow = 4,

    /// <summary>It withdrew its offer.</summary>
    Deregistered = 5,
}
