using System.Collections.Immutable;

namespace Fairshare.Compute.Runtime;

/// <summary>What <see cref="ExecutionProviders.Detect"/> found: one entry per provider tried, the CPU first.</summary>
/// <param name="Providers">The providers tried.</param>
public sealed record ExecutionProviderReport(ImmutableArray<ProviderAvailability> Providers)
{
    /// <summary>The CUDA entry, or null when CUDA was not tried.</summary>
    public ProviderAvailability? Cuda => Providers.FirstOrDefault(p => p.Provider.Kind == ExecutionProviderKind.Cuda);

    /// <summary>Whether the CUDA provider loads (a GPU offer needs this).</summary>
    public bool CudaLoads => Cuda is { Loads: true };

    /// <summary>The providers that load, e.g. <c>ORT CPU+CUDA</c>, for an offer's hardware line.</summary>
    public string LoadedSummary() =>
        "ORT " + string.Join('+', Providers.Where(p => p.Loads).Select(p => p.Provider.Kind == ExecutionProviderKind.Cuda ? "CUDA" : "CPU"));
}
