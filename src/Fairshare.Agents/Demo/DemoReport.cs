using System.Collections.Immutable;
using Fairshare.Compute.Hardware;

namespace Fairshare.Agents.Demo;

/// <summary>Everything <c>fairshare demo</c> prints: the machine, the workload, and one outcome per matching policy.</summary>
/// <param name="Hardware">What was detected on this machine.</param>
/// <param name="BenchmarkScore">The standard benchmark's work units per second (every provider's offer carries it).</param>
/// <param name="Workload">The model and inputs.</param>
/// <param name="Outcomes">One run per policy, in <see cref="DemoRunner.Policies"/> order.</param>
public sealed record DemoReport(HardwareProfile Hardware, ulong BenchmarkScore, DemoWorkload Workload, ImmutableArray<PolicyOutcome> Outcomes);
