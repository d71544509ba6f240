using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Reports;

/// <summary>
/// The metrics of a genesis allocation table, twice: treating each row as a holder, and each cohort (its rows summed)
/// as one; and the insider share: the cohorts team, founders, investors, advisors, shareholders and contributors over
/// the total. A bucket is not an entity: these are format and arithmetic figures, as metrics.md says of V08–V13.
/// </summary>
public static class GenesisAnalysis
{
    /// <summary>The cohorts counted as insiders.</summary>
    public static ImmutableArray<string> InsiderCohorts { get; } = ["team", "founders", "investors", "advisors", "shareholders", "contributors"];

    /// <summary>Analyzes the rows: tables genesis_concentration and genesis_cohorts, the insider share, and each row-level holdings.</summary>
    public static GenesisReport Analyze(IReadOnlyList<GenesisAllocation> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byRow = Holdings.FromDecimals(rows.Select(r => r.Amount));
        if (!byRow.IsOk) return new GenesisReport([], null, null, $"{byRow.Error}: {byRow.Message}");
        var h = byRow.Value!;
        var scaled = rows.Select(r => Scaled(r.Amount, h.Decimals)).ToList();
        var cohorts = rows.Select((r, i) => (r.Cohort, Value: scaled[i])).GroupBy(x => x.Cohort, StringComparer.Ordinal)
            .Select(g => (Cohort: g.Key, Sum: g.Aggregate(BigInteger.Zero, (s, x) => s + x.Value))).OrderByDescending(c => c.Sum).ThenBy(c => c.Cohort, StringComparer.Ordinal).ToList();
        var insider = cohorts.Where(c => InsiderCohorts.Contains(c.Cohort)).Aggregate(BigInteger.Zero, (s, c) => s + c.Sum);
        var insiderShare = new Fraction(insider, h.Total);

        var concentration = Overview.ConcentrationTable();
        Overview.AddConcentration(concentration, "genesis", $"each row a holder ({rows.Count})", h, DecimalFormat.Plain(h.Total, h.Decimals));
        var byCohort = Holdings.Create(cohorts.Select(c => c.Sum)).Value!;
        Overview.AddConcentration(concentration, "genesis", $"each cohort a holder ({cohorts.Count})", byCohort, DecimalFormat.Plain(h.Total, h.Decimals));
        var cohortTable = new ReportTable("genesis_cohorts", [new("cohort", ColumnKind.Text), new("rows", ColumnKind.Integer), new("amount", ColumnKind.Exact), new("share", ColumnKind.Real), new("insider", ColumnKind.Text)]);
        foreach (var (cohort, sum) in cohorts)
        {
            cohortTable.AddRow(cohort, rows.Count(r => r.Cohort == cohort), DecimalFormat.Plain(sum, h.Decimals), new Fraction(sum, h.Total).ToDouble(), InsiderCohorts.Contains(cohort) ? "yes" : "no");
        }

        return new GenesisReport([concentration, cohortTable], insiderShare, h, null);
    }

    private static BigInteger Scaled(string amount, int decimals)
    {
        int dot = amount.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? amount : amount.Remove(dot, 1);
        int places = dot < 0 ? 0 : amount.Length - dot - 1;
        return BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * BigInteger.Pow(10, decimals - places);
    }
}
