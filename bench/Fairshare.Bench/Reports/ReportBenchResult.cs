using Fairshare.Cli;
using Fairshare.Cli.Report;
namespace Fairshare.Bench.Reports;

/// <summary>What <see cref="ReportBench"/> measured.</summary>
/// <param name="Accounts">Accounts in the synthetic state.</param>
/// <param name="Flows">Flow-tagged events attributed.</param>
/// <param name="ExtractSeconds">Holdings extraction and the account directory from the state.</param>
/// <param name="AttributionSeconds">Income attribution with its over-time Gini (part of the pipeline).</param>
/// <param name="ReportSeconds">The whole pipeline: extraction, every metric, Lorenz curves, attribution.</param>
/// <param name="SortSeconds">Peer: Array.Sort of the BigInteger balances.</param>
/// <param name="MetricsSeconds">Peer: Holdings.Create and Concentration.Measure of all balances.</param>
/// <param name="Gini">The Gini of all balances (so the peer's work is used).</param>
/// <param name="Rows">Rows in the report's tables.</param>
public sealed record ReportBenchResult(int Accounts, int Flows, double ExtractSeconds, double AttributionSeconds, double ReportSeconds, double SortSeconds, double MetricsSeconds, double Gini, int Rows);
