using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Attribution;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;
using Fairshare.Analytics.Plots;
using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Reports;

/// <summary>
/// The overview report, pure: holdings concentration per asset and per <see cref="Population"/>, holdings per group,
/// income by group, role and tag (and over time), the concentration of all income and of providers' job payments, and
/// the data of the charts. Exact sums; the metrics as <see cref="Concentration"/> computes them.
/// </summary>
public static class Overview
{
    private static readonly Fraction TenPercent = new(1, 10);

    /// <summary>Builds the report; <paramref name="step"/> hears the name of each stage as it starts.</summary>
    public static OverviewResult Build(OverviewInput input, Action<string>? step = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var concentration = ConcentrationTable();
        var byGroup = new ReportTable("holdings_by_group", [new("asset", ColumnKind.Text), new("group", ColumnKind.Text), new("accounts", ColumnKind.Integer), new("amount", ColumnKind.Exact), new("share", ColumnKind.Real)]);
        var lorenz = ImmutableArray.CreateBuilder<ChartSeries>();
        foreach (var asset in input.Assets)
        {
            step?.Invoke($"holdings of {asset.Symbol}");
            foreach (var population in Enum.GetValues<Population>())
            {
                var values = Select(asset, population, input.Protocol);
                if (Holdings.Create(values) is not { IsOk: true } result) continue;
                AddConcentration(concentration, asset.Symbol, Describe(population), result.Value!, new TokenAmount(result.Value!.Total, asset.Decimals));
                if (asset == input.Assets[0] && population == Population.People) lorenz.Add(LorenzSample.Of($"{asset.Symbol} holdings ({Describe(population)})", result.Value!));
            }

            foreach (var g in GroupHoldings.Compute(asset.Balances.Select(b => (b.Account, b.Balance)), input.Directory))
                byGroup.AddRow(asset.Symbol, g.Group, g.Accounts, new TokenAmount(g.Amount, asset.Decimals), g.Share);
        }

        step?.Invoke("income attribution");
        var main = input.Assets.IsEmpty ? new AssetHoldings(AssetId.Fsh, "FSH", 18, []) : input.Assets[0];
        var unit = BigInteger.Pow(10, main.Decimals);
        var income = IncomeAttribution.Compute(input.Flows, input.Directory, main.Asset, 1, Math.Max(1, input.Height), input.Buckets);
        if (Holdings.Create(income.PerAccount.Values) is { IsOk: true } all)
        {
            AddConcentration(concentration, main.Symbol, "income, every earner", all.Value!, new TokenAmount(all.Value!.Total, main.Decimals));
            lorenz.Add(LorenzSample.Of($"{main.Symbol} income (every earner)", all.Value!));
        }

        var providerIncome = new ProviderIncome(input.Directory.WithRole(AccountRole.Provider)).AddRange(input.Flows.Select(f => f.Event));
        if (Holdings.Create(providerIncome.Values) is { IsOk: true } providers)
        {
            AddConcentration(concentration, "FSH", ProviderIncome.Population, providers.Value!, new TokenAmount(providers.Value!.Total, Units.Decimals));
            lorenz.Add(LorenzSample.Of("provider income (job payments)", providers.Value!));
        }

        step?.Invoke("tables and series");
        var tables = ImmutableArray.Create(
            concentration, byGroup, IncomeTable("income_by_group", "group", income.ByGroup, main.Decimals), IncomeTable("income_by_role", "role", income.ByRole, main.Decimals),
            OverTimeTable(income, main.Decimals), GiniTable(income));
        var measured = income.Buckets.Where(b => b.CumulativeGini is not null).ToList();
        var gini = new ChartSeries("Gini", [.. measured.Select(b => (double)b.ToHeight)], [.. measured.Select(b => b.CumulativeGini!.Value)]);
        var groups = income.Buckets.SelectMany(b => b.ByGroup.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var stack = groups.Select(g => new ChartSeries(g, [.. income.Buckets.Select(b => (double)b.ToHeight)], [.. income.Buckets.Select(b => Tokens(b.ByGroup.GetValueOrDefault(g), unit))]));
        var byTag = income.ByGroup.GroupBy(c => c.Tag).OrderBy(t => t.Key)
            .Select(t => new WaterfallStep(t.Key.ToString(), Tokens(t.Aggregate(BigInteger.Zero, (s, c) => s + c.Amount), unit)));
        var waterfall = ImmutableArray.CreateRange(byTag).Add(new WaterfallStep("total income", Tokens(income.Total, unit), IsTotal: true));
        return new OverviewResult(tables, income, lorenz.ToImmutable(), gini, [.. stack], waterfall);
    }

    /// <summary>A label for a population choice, printed beside its figures.</summary>
    public static string Describe(Population population) => population switch
    {
        Population.Holders => "holders > 0, protocol accounts included",
        Population.People => "holders > 0, protocol accounts excluded",
        Population.NoDust => "holders ≥ 1 token, protocol accounts excluded",
        _ => throw new ArgumentOutOfRangeException(nameof(population)),
    };

    /// <summary>
    /// A metric row: n, total and every metric for one distribution. <paramref name="total"/> is the total as the table
    /// holds it: a <see cref="TokenAmount"/> (base units of a chain asset) or an exact decimal string (a genesis table's
    /// own unit).
    /// </summary>
    public static void AddConcentration(ReportTable table, string asset, string population, Holdings h, object total)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(h);
        table.AddRow(
            asset, population, h.Count, total, Gini.Exact(h).ToDouble(), Hhi.Exact(h).ToDouble(), Theil.Index(h),
            TopShare.OfCount(h, 1).ToDouble(), TopShare.OfFraction(h, TenPercent).ToDouble(), Nakamoto.Coefficient(h, Fraction.Half),
            Nakamoto.Coefficient(h, Fraction.Third), Palma.Exact(h)?.ToDouble());
    }

    /// <summary>The empty concentration table (asset, population, holders, total, gini, hhi, theil, top1, top10%, NC½, NC⅓, palma).</summary>
    public static ReportTable ConcentrationTable() => new("concentration",
    [
        new("asset", ColumnKind.Text), new("population", ColumnKind.Text), new("holders", ColumnKind.Integer), new("total", ColumnKind.Exact),
        new("gini", ColumnKind.Real), new("hhi", ColumnKind.Real), new("theil", ColumnKind.Real), new("top1_share", ColumnKind.Real),
        new("top10pct_share", ColumnKind.Real), new("nakamoto_50", ColumnKind.Integer), new("nakamoto_33", ColumnKind.Integer), new("palma", ColumnKind.Real),
    ]);

    private static IEnumerable<BigInteger> Select(AssetHoldings asset, Population population, IReadOnlySet<Address> protocol)
    {
        var whole = BigInteger.Pow(10, asset.Decimals);
        foreach (var b in asset.Balances)
        {
            if (b.Balance.Sign <= 0) continue;
            if (population != Population.Holders && protocol.Contains(b.Account)) continue;
            if (population == Population.NoDust && b.Balance < whole) continue;
            yield return b.Balance;
        }
    }

    private static ReportTable IncomeTable(string name, string key, ImmutableArray<IncomeCell> cells, int decimals)
    {
        var table = new ReportTable(name, [new(key, ColumnKind.Text), new("tag", ColumnKind.Text), new("amount", ColumnKind.Exact), new("tokens", ColumnKind.Tokens), new("flows", ColumnKind.Integer)]);
        foreach (var c in cells)
        {
            var amount = new TokenAmount(c.Amount, decimals);
            table.AddRow(c.Group, c.Tag.ToString(), amount, amount, c.Flows);
        }

        return table;
    }

    private static ReportTable OverTimeTable(IncomeReport income, int decimals)
    {
        var table = new ReportTable("income_over_time", [new("from_height", ColumnKind.Integer), new("to_height", ColumnKind.Integer), new("group", ColumnKind.Text), new("amount", ColumnKind.Exact), new("tokens", ColumnKind.Tokens)]);
        foreach (var b in income.Buckets)
        {
            foreach (var (group, amount) in b.ByGroup) table.AddRow(b.FromHeight, b.ToHeight, group, new TokenAmount(amount, decimals), new TokenAmount(amount, decimals));
        }

        return table;
    }

    private static ReportTable GiniTable(IncomeReport income)
    {
        var table = new ReportTable("gini_over_time", [new("to_height", ColumnKind.Integer), new("earners", ColumnKind.Integer), new("gini", ColumnKind.Real)]);
        foreach (var b in income.Buckets) table.AddRow(b.ToHeight, b.Earners, b.CumulativeGini);
        return table;
    }

    /// <summary>Base units as whole tokens (a double, for charts and the tokens columns).</summary>
    public static double Tokens(BigInteger amount, BigInteger unit) => new Fraction(amount, unit).ToDouble();
}
