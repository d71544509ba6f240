using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>What one registered provider would charge for a job, and whether it could take it now.</summary>
/// <param name="Provider">The provider's address.</param>
/// <param name="Status">Its status (<see cref="ProviderEligibility"/>): only <see cref="ProviderStatus.Available"/> providers take new slots.</param>
/// <param name="Fits">Whether its offer fits the job's device and memory (the price cap aside).</param>
/// <param name="Device">CPU or GPU.</param>
/// <param name="MemoryMb">Memory it offers one job, in MiB.</param>
/// <param name="BenchmarkScore">Its measured work units per second.</param>
/// <param name="PricePerWorkUnit">Its price per work unit, FSH base units.</param>
/// <param name="JobPrice">Its price × the job's work units: what one execution by it costs.</param>
/// <param name="EstimatedSeconds">The job's work units ÷ its benchmark score.</param>
/// <param name="Hardware">Its hardware line (with the execution providers it loads).</param>
public sealed record ProviderQuote(
    Address Provider,
    ProviderStatus Status,
    bool Fits,
    DeviceClass Device,
    uint MemoryMb,
    ulong BenchmarkScore,
    Amount PricePerWorkUnit,
    Amount JobPrice,
    double EstimatedSeconds,
    string Hardware)
{
    /// <summary>Whether it could take a slot of the job now (available and fitting; the cap decides the rest).</summary>
    public bool Qualifies => Status == ProviderStatus.Available && Fits;

    /// <summary>Why it does not qualify, in words, or null.</summary>
    public string? Reason => Status != ProviderStatus.Available ? ProviderEligibility.Name(Status) : Fits ? null : "does not fit (device or memory)";
}
