using System.Numerics;
using BenchmarkDotNet.Attributes;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Reports;

namespace Fairshare.Benchmarks;

/// <summary>
/// The transparency report on a million accounts (power-law FSH balances in base units) and a million flows, beside a
/// plain sort of the same balances and the metrics alone (run: dotnet run -c Release --project bench/Fairshare.Benchmarks
/// -- --filter '*Report*'). The whole-system figure, with holdings extraction from a ledger state, is
/// <c>fairshare bench report</c>.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private SyntheticEconomy _economy = null!;
    private OverviewInput _input = null!;
    private BigInteger[] _balances = null!;

    /// <summary>Accounts in the synthetic economy.</summary>
    [Params(1_000_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _economy = SyntheticEconomy.Generate(Accounts, flows: 1_000_000, blocks: 100_000);
        _input = _economy.ToInput(BigInteger.Pow(10, 25));
        _balances = [.. _economy.Accounts.Select(a => a.Balance)];
    }

    [Benchmark(Baseline = true)]
    public BigInteger SortBalances()
    {
        var copy = (BigInteger[])_balances.Clone();
        Array.Sort(copy);
        return copy[^1];
    }

    [Benchmark]
    public double MetricsAlone() => Concentration.Measure(Holdings.Create(_balances).Value!).Gini;

    [Benchmark]
    public int OverviewReport() => Overview.Build(_input).Tables.Length;
}
