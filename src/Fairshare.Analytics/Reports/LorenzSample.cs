using System.Collections.Immutable;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Plots;

namespace Fairshare.Analytics.Reports;

/// <summary>A Lorenz curve downsampled for plotting: at most a given number of its exact vertices, evenly spaced in k.</summary>
public static class LorenzSample
{
    /// <summary>The vertices (k/n, S_k/T) for about <paramref name="points"/> values of k from 0 to n, as doubles.</summary>
    public static ChartSeries Of(string label, Holdings holdings, int points = 400)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        int n = holdings.Count;
        int m = Math.Min(n, Math.Max(2, points));
        var xs = ImmutableArray.CreateBuilder<double>(m + 1);
        var ys = ImmutableArray.CreateBuilder<double>(m + 1);
        for (int i = 0; i <= m; i++)
        {
            int k = (int)((long)i * n / m);
            xs.Add((double)k / n);
            ys.Add(new Fraction(holdings.SumOfSmallest(k), holdings.Total).ToDouble());
        }

        return new ChartSeries(label, xs.MoveToImmutable(), ys.MoveToImmutable());
    }
}
