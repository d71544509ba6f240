using System.Diagnostics;
using System.Numerics;
using Fairshare.Analytics.Reports;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;
using Fairshare.Cli;
using Fairshare.Cli.Report;

namespace Fairshare.Bench.Reports;

/// <summary>
/// <c>fairshare bench report</c>: the report pipeline on a synthetic state of many accounts (power-law FSH balances in
/// base units, cohorts, roles) and a realistic number of flows. It times what <c>fairshare report</c> does after reading
/// the chain (holdings extraction from the state, the directory, every metric for every population, the downsampled
/// Lorenz curves, the income attribution with its over-time Gini), beside peers measured in the same run: a plain sort
/// of the balances, and the metrics alone for one population.
/// </summary>
public static class ReportBench
{
    /// <summary>The goal for a report on a million accounts, seconds.</summary>
    public const double GoalSeconds = 5;

    /// <summary>Builds the synthetic state and measures.</summary>
    public static ReportBenchResult Run(int accounts, int flows, Action<string>? stage)
    {
        stage?.Invoke($"generating {accounts:N0} accounts and {flows:N0} flows");
        var economy = SyntheticEconomy.Generate(accounts, flows, blocks: 100_000);
        stage?.Invoke("building the synthetic state");
        var state = State(economy);

        stage?.Invoke("sorting the balances (peer)");
        var balances = economy.Accounts.Select(a => a.Balance).ToArray();
        var watch = Stopwatch.StartNew();
        Array.Sort(balances);
        double sortSeconds = watch.Elapsed.TotalSeconds;

        stage?.Invoke("the metrics alone (peer)");
        watch.Restart();
        var holdings = Analytics.Concentration.Holdings.Create(economy.Accounts.Select(a => a.Balance)).Value!;
        var metrics = Analytics.Concentration.Concentration.Measure(holdings);
        double metricsSeconds = watch.Elapsed.TotalSeconds;

        stage?.Invoke("the report pipeline");
        watch.Restart();
        var accountsRead = ChainDirectory.Read(state, null);
        var input = new OverviewInput(state.Head.Height, accountsRead.Assets, accountsRead.Directory, accountsRead.Protocol, economy.Flows, 20);
        double extractSeconds = watch.Elapsed.TotalSeconds;
        double attributionStart = 0, attributionEnd = 0;
        var result = Overview.Build(input, name =>
        {
            if (name == "income attribution") attributionStart = watch.Elapsed.TotalSeconds;
            else if (name == "tables and series") attributionEnd = watch.Elapsed.TotalSeconds;
        });
        double reportSeconds = watch.Elapsed.TotalSeconds;
        return new ReportBenchResult(
            accounts, flows, extractSeconds, attributionEnd - attributionStart, reportSeconds, sortSeconds, metricsSeconds, metrics.Gini, result.Tables.Sum(t => t.Rows.Count));
    }

    private static LedgerState State(SyntheticEconomy economy)
    {
        var supply = economy.Accounts.Aggregate(BigInteger.Zero, (s, a) => s + a.Balance);
        var state = new LedgerState("bench-report", new ChainParams(Amount.Zero, 5000, economy.Treasury), [], new ChainHead(economy.Height, Hash32.Zero, 0, Hash32.Zero));
        state.RegisterAsset(new AssetInfo(AssetId.Fsh, "FSH", 18, Amount.TryFromBigInteger(supply, out var s) ? s : throw new InvalidOperationException("supply overflow"), null));
        int i = 0;
        foreach (var a in economy.Accounts)
        {
            var account = state.GetOrCreate(a.Address);
            state.SetBalance(account, AssetId.Fsh, Amount.TryFromBigInteger(a.Balance, out var b) ? b : throw new InvalidOperationException("balance overflow"));
            if (a.Cohort != Cohort.None) state.SetCohort(account, a.Cohort);
            if ((++i & 0xFFFF) == 0) state.Commit();
        }

        state.Commit();
        return state;
    }
}
