using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Attribution;

/// <summary>
/// Attributes income (<see cref="IncomePolicy"/>) of one asset to accounts, groups, roles and tags, over block buckets.
/// Sums are exact (BigInteger base units). Pure: events and a directory in, a report out.
/// </summary>
public static class IncomeAttribution
{
    /// <summary>
    /// Income of <paramref name="asset"/> in blocks [<paramref name="fromHeight"/>, <paramref name="toHeight"/>], split into
    /// <paramref name="buckets"/> equal block ranges (the last may be shorter). Flows outside the range or of other assets
    /// are ignored.
    /// </summary>
    public static IncomeReport Compute(IEnumerable<FlowRecord> flows, AccountDirectory directory, AssetId asset, ulong fromHeight, ulong toHeight, int buckets)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(directory);
        if (toHeight < fromHeight) throw new ArgumentOutOfRangeException(nameof(toHeight), "the range ends before it starts");
        if (buckets < 1) throw new ArgumentOutOfRangeException(nameof(buckets), "at least one bucket");
        ulong span = toHeight - fromHeight + 1;
        ulong width = Math.Max(1, (span + (ulong)buckets - 1) / (ulong)buckets);
        int bucketCount = (int)((span + width - 1) / width);

        // Sums as Amount (u256, no allocation per addition); BigInteger only in the report.
        var perAccount = new Dictionary<Address, Amount>();
        var who = new Dictionary<Address, (string Group, AccountRole Roles)>();
        var byGroup = new Dictionary<(string, FlowTag), (Amount Amount, long Flows)>();
        var byRole = new Dictionary<(string, FlowTag), (Amount Amount, long Flows)>();
        var bucketGroups = Enumerable.Range(0, bucketCount).Select(_ => new Dictionary<string, Amount>(StringComparer.Ordinal)).ToArray();
        var gini = new double?[bucketCount];
        var earners = new int[bucketCount];
        int current = 0;
        foreach (var flow in flows)
        {
            var e = flow.Event;
            if (flow.Height < fromHeight || flow.Height > toHeight || e.Asset != asset || !IncomePolicy.IsIncome(e.Tag) || e.To == default || directory.IsPassThrough(e.To)) continue;
            int bucket = (int)((flow.Height - fromHeight) / width);
            while (current < bucket) Close(current++);
            var amount = e.Amount;
            perAccount[e.To] = perAccount.GetValueOrDefault(e.To) + amount;
            if (!who.TryGetValue(e.To, out var known)) who[e.To] = known = (directory.Group(e.To), directory.RolesOf(e.To));
            var (group, roles) = known;
            Add(byGroup, (group, e.Tag), amount);
            foreach (var (role, label) in AccountDirectory.RoleLabels)
            {
                if ((roles & role) != 0) Add(byRole, (label, e.Tag), amount);
            }

            bucketGroups[bucket][group] = bucketGroups[bucket].GetValueOrDefault(group) + amount;
        }

        while (current < bucketCount) Close(current++);
        var bucketList = Enumerable.Range(0, bucketCount).Select(i => new IncomeBucket(
            fromHeight + (ulong)i * width, Math.Min(toHeight, fromHeight + (ulong)(i + 1) * width - 1),
            bucketGroups[i].ToImmutableSortedDictionary(g => g.Key, g => g.Value.ToBigInteger(), StringComparer.Ordinal), gini[i], earners[i]));
        return new IncomeReport(asset, fromHeight, toHeight, perAccount.ToDictionary(a => a.Key, a => a.Value.ToBigInteger()), Cells(byGroup), Cells(byRole), [.. bucketList]);

        void Close(int bucket)
        {
            earners[bucket] = perAccount.Count;
            gini[bucket] = perAccount.Count == 0 ? null : Holdings.Create(perAccount.Values) is { IsOk: true } h ? Gini.Exact(h.Value!).ToDouble() : null;
        }
    }

    private static void Add(Dictionary<(string, FlowTag), (Amount Amount, long Flows)> cells, (string, FlowTag) key, Amount amount)
    {
        var (sum, count) = cells.GetValueOrDefault(key);
        cells[key] = (sum + amount, count + 1);
    }

    private static ImmutableArray<IncomeCell> Cells(Dictionary<(string Group, FlowTag Tag), (Amount Amount, long Flows)> cells) =>
        [.. cells.OrderBy(c => c.Key.Group, StringComparer.Ordinal).ThenBy(c => c.Key.Tag).Select(c => new IncomeCell(c.Key.Group, c.Key.Tag, c.Value.Amount.ToBigInteger(), c.Value.Flows))];
}
