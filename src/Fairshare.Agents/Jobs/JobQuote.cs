using System.Collections.Immutable;
using Fairshare.Compute.Benchmarking;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// What a job would cost, known before any money moves: its work estimated from the model's graph and the inputs'
/// shapes, every provider's price for it, and the escrow the chosen cap locks.
/// </summary>
/// <param name="Prepared">The checked job: model and input blobs, their hashes, the work.</param>
/// <param name="Providers">Every registered provider's quote, cheapest first.</param>
/// <param name="Executions">Executions the escrow covers (replicas; primary + checker for a spot check; one for a canary).</param>
/// <param name="ExpectedExecutions">Executions to expect on average (a spot check is re-run with probability <c>market.spot-check-ppm</c>).</param>
/// <param name="MaxPricePerWorkUnit">The cap the job would carry (the request's, the one its budget allows, or the dearest qualifying offer).</param>
/// <param name="Escrow">What submission locks: cap × work units × executions (unused escrow is refunded).</param>
/// <param name="Height">The committed height the offers were read at.</param>
public sealed record JobQuote(
    PreparedJob Prepared,
    ImmutableArray<ProviderQuote> Providers,
    int Executions,
    double ExpectedExecutions,
    Amount MaxPricePerWorkUnit,
    Amount Escrow,
    ulong Height)
{
    /// <summary>The job's work.</summary>
    public WorkEstimate Work => Prepared.Work;

    /// <summary>The providers that could take it now under the cap.</summary>
    public IEnumerable<ProviderQuote> Qualified => Providers.Where(p => p.Qualifies && p.PricePerWorkUnit <= MaxPricePerWorkUnit);

    /// <summary>The cheapest qualifying provider's price for one execution, or null when none qualifies.</summary>
    public Amount? CheapestExecution => Providers.Where(p => p.Qualifies).Select(p => (Amount?)p.JobPrice).FirstOrDefault();

    /// <summary>The dearest qualifying provider's price for one execution, or null.</summary>
    public Amount? DearestExecution => Providers.Where(p => p.Qualifies).Select(p => (Amount?)p.JobPrice).LastOrDefault();
}
