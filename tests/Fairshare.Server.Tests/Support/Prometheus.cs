using System.Globalization;

namespace Fairshare.Server.Tests.Support;

/// <summary>Reads the Prometheus text format <c>/metrics</c> answers.</summary>
public static class Prometheus
{
    /// <summary>The values of a metric's samples (any labels), in the order scraped; empty when there is none.</summary>
    public static IReadOnlyList<double> Samples(string text, string name)
    {
        var values = new List<double>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || (line[name.Length] != ' ' && line[name.Length] != '{')) continue;
            var rest = line[name.Length] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..];
            values.Add(double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        }

        return values;
    }

    /// <summary>The one sample of a metric; fails (showing the whole scrape) unless there is exactly one.</summary>
    public static double Single(string text, string name)
    {
        var values = Samples(text, name);
        Assert.True(values.Count == 1, $"{values.Count} samples of {name} in:\n{text}");
        return values[0];
    }

    /// <summary>The names of the metrics whose samples start with a prefix (e.g. <c>process_</c>).</summary>
    public static IReadOnlyList<string> Names(string text, string prefix) =>
        [.. text.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[..line.IndexOfAny([' ', '{'])])
            .Distinct()];
}
