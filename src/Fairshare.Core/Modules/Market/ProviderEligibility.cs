using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Staking;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// The one rule of whether a provider takes new slots: the matcher (<see cref="ProviderBook"/>), the node's views, the
/// CLI and a job quote all call it, so they cannot disagree.
/// </summary>
public static class ProviderEligibility
{
    /// <summary>
    /// The provider's status at <paramref name="height"/>; a checker or arbiter slot (<paramref name="verification"/>)
    /// may use the provider's capacity a second time, so it is full only at twice its capacity.
    /// </summary>
    public static ProviderStatus Status(LedgerState state, ProviderRecord provider, ulong height, bool verification = false) =>
        Status(provider, height, MarketStore.Params(state).HeartbeatTimeoutBlocks, StakingModule.SelfBonded(state, provider.Provider) >= StakingModule.Params(state).MinSelfBond, verification);

    /// <summary>The status from what the caller already loaded (the matcher reads the parameters once per block).</summary>
    public static ProviderStatus Status(ProviderRecord provider, ulong height, uint heartbeatTimeoutBlocks, bool selfBondEnough, bool verification = false)
    {
        if (!provider.Registered) return ProviderStatus.Deregistered;
        if (provider.Stats.IsJailedAt(height)) return ProviderStatus.Jailed;
        if (height - provider.Stats.LastHeartbeat > heartbeatTimeoutBlocks) return ProviderStatus.NoHeartbeat;
        if (!selfBondEnough) return ProviderStatus.SelfBondTooLow;
        int limit = verification ? 2 * provider.Offer.Capacity : provider.Offer.Capacity;
        return provider.OpenSlots >= limit ? ProviderStatus.Full : ProviderStatus.Available;
    }

    /// <summary>The status as the API and the CLI's <c>--json</c> name it: <c>available</c>, <c>full</c>, <c>jailed</c>,
    /// <c>no-heartbeat</c>, <c>self-bond-too-low</c>, <c>deregistered</c>.</summary>
    public static string Name(ProviderStatus status) => status switch
    {
        ProviderStatus.Available => "available",
        ProviderStatus.Full => "full",
        ProviderStatus.Jailed => "jailed",
        ProviderStatus.NoHeartbeat => "no-heartbeat",
        ProviderStatus.SelfBondTooLow => "self-bond-too-low",
        _ => "deregistered",
    };

    /// <summary>
    /// Whether the provider could take a new slot of <paramref name="spec"/> now: available, and its offer fits the job's
    /// memory, device and price cap (<see cref="JobSpec.Fits"/>). The matcher also skips the job's own client and
    /// providers already holding a slot of the job.
    /// </summary>
    public static bool Qualifies(LedgerState state, ProviderRecord provider, JobSpec spec, ulong height) =>
        Status(state, provider, height) == ProviderStatus.Available && spec.Fits(provider.Offer);
}
