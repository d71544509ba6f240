using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Fairshare.Conformance;

namespace Fairshare.Conformance.Metrics;

/// <summary>
/// Reads metrics.md's own markdown: the input table (ranges "1, 2, …, 10", geometric runs "1, 2, 4, …, 512", and
/// "400 repeated 251,534 times, then …"), Tables A and B, the exact rationals, and the extra checks (Lorenz points and
/// L values, the Nakamoto threshold table, the closed forms, the error inputs). Anything it cannot read throws
/// <see cref="VectorFileException"/> naming the line.
/// </summary>
internal static partial class MetricsSpecParser
{
    /// <summary>The largest expanded holdings list accepted (a typo in a range must not exhaust memory).</summary>
    private const int MaxHoldings = 5_000_000;

    private static readonly HashSet<string> TableAColumns = ["n", "total", "gini", "gini_sample", "hhi", "hhi_normalized", "theil", "theil_normalized"];
    private static readonly HashSet<string> TableBColumns = ["top1_share", "top3_share", "top10pct_share", "nakamoto_1/2", "nakamoto_1/3", "palma"];
    private static readonly HashSet<string> ExactMetrics = ["gini", "gini_sample", "hhi", "top10pct_share", "palma"];

    /// <summary>Parses the markdown text.</summary>
    public static MetricsSpec Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var vectors = ImmutableArray.CreateBuilder<SpecVector>();
        var figures = ImmutableArray.CreateBuilder<ExpectedFigure>();
        var extras = ImmutableArray.CreateBuilder<ExtraCheck>();
        foreach (var table in Tables(lines))
        {
            var header = table.Header;
            if (header.SequenceEqual(["id", "description", "holdings"]))
                vectors.AddRange(table.Rows.Select(r => new SpecVector(Id(r.Cells[0], r.Line), ExpandHoldings(r.Cells[2], r.Line))));
            else if (header.Length > 1 && header[0] == "vector")
                figures.AddRange(Figures(table));
            else if (header.SequenceEqual(["holdings", "θ", "NC_θ"]))
                extras.AddRange(table.Rows.Select(r => Nakamoto(r.Cells, r.Line)));
        }

        foreach (var (text, line) in Bullets(lines))
        {
            if (VectorRationals().Match(text) is { Success: true } m) figures.AddRange(Rationals(m, line));
            else if (text.StartsWith("Lorenz points of ", StringComparison.Ordinal)) extras.AddRange(LorenzBullet(text, line));
            else if (LorenzOf().Match(text) is { Success: true } l)
                extras.Add(new ExtraCheck($"{l.Groups[2].Value} L({l.Groups[1].Value})", ExtraKind.LorenzValue, [l.Groups[2].Value, l.Groups[1].Value, l.Groups[3].Value]));
            else if (text.StartsWith("Closed forms", StringComparison.Ordinal)) extras.Add(ClosedForms(text, line));
            else if (text.StartsWith("Error inputs:", StringComparison.Ordinal)) extras.AddRange(ErrorInputs(text, line));
        }

        if (vectors.Count == 0) throw new VectorFileException("no input table (a table with the columns 'id | description | holdings')");
        if (figures.Count == 0) throw new VectorFileException("no expected values (Table A, Table B or exact rationals)");
        var known = vectors.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        if (figures.FirstOrDefault(f => !known.Contains(f.VectorId)) is { } orphan)
            throw new VectorFileException($"expected values for {orphan.VectorId}, which has no row in the input table");
        return new MetricsSpec(vectors.ToImmutable(), figures.ToImmutable(), extras.ToImmutable());
    }

    /// <summary>Expands a holdings cell into exact decimal texts.</summary>
    internal static ImmutableArray<string> ExpandHoldings(string cell, int line)
    {
        var result = new List<string>();
        var text = Normalize(cell);
        if (Repeated().Match(text) is { Success: true } rep)
        {
            var count = ParseCount(rep.Groups[2].Value, line);
            var value = Number(rep.Groups[1].Value, line);
            result.AddRange(Enumerable.Repeat(value, count));
            text = rep.Groups[3].Value;
            if (text.Length == 0) return [.. result];
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "…" || parts[i] == "...")
            {
                if (result.Count < 2 || i + 1 >= parts.Length) throw new VectorFileException($"line {line}: a range '…' needs two values before it and one after");
                Expand(result, Integer(Number(parts[++i], line), line), line);
                continue;
            }

            result.Add(Number(parts[i], line));
            if (result.Count > MaxHoldings) throw new VectorFileException($"line {line}: more than {MaxHoldings} holdings");
        }

        return [.. result];
    }

    private static void Expand(List<string> values, BigInteger end, int line)
    {
        var a = Integer(values[^2], line);
        var b = Integer(values[^1], line);
        bool geometric = values.Count >= 3 && Integer(values[^3], line) is var z && b - a != a - z && !z.IsZero && a * a == z * b;
        while (Step(a, b, geometric) is var next && next <= end)
        {
            if (values.Count >= MaxHoldings) throw new VectorFileException($"line {line}: the range expands to more than {MaxHoldings} holdings");
            values.Add(next.ToString(CultureInfo.InvariantCulture));
            (a, b) = (b, next);
        }

        if (Integer(values[^1], line) != end) throw new VectorFileException($"line {line}: the range does not end on {end}");
    }

    private static BigInteger Step(BigInteger previous, BigInteger last, bool geometric)
    {
        if (geometric) return last * (last / previous);
        if (last <= previous) throw new VectorFileException("a range '…' must increase");
        return last + (last - previous);
    }

    private static ExpectedFigure[] Figures(MarkdownTable table)
    {
        foreach (var column in table.Header.Skip(1))
        {
            if (!TableAColumns.Contains(column) && !TableBColumns.Contains(column))
                throw new VectorFileException($"line {table.HeaderLine}: unknown metric column '{column}'");
        }

        return [.. table.Rows.SelectMany(r => r.Cells.Skip(1).Select((cell, i) =>
            new ExpectedFigure(Id(r.Cells[0], r.Line), table.Header[i + 1], Expected(cell, r.Line), Exact: false)))];
    }

    private static IEnumerable<ExpectedFigure> Rationals(Match match, int line)
    {
        string id = match.Groups[1].Value;
        foreach (var part in match.Groups[2].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !ExactMetrics.Contains(pair[0]) || !Analytics.Concentration.Fraction.TryParse(pair[1], out _))
                throw new VectorFileException($"line {line}: '{part}' is not 'metric = a/b' with a metric among {string.Join(", ", ExactMetrics)}");
            yield return new ExpectedFigure(id, pair[0], pair[1], Exact: true);
        }
    }

    private static IEnumerable<ExtraCheck> LorenzBullet(string text, int line)
    {
        var m = LorenzPoints().Match(text);
        if (!m.Success) throw new VectorFileException($"line {line}: expected 'Lorenz points of Vnn: (x, y), …'");
        string id = m.Groups[1].Value;
        var points = Point().Matches(m.Groups[2].Value).Select(p => $"{Rational(p.Groups[1].Value, line)};{Rational(p.Groups[2].Value, line)}").ToList();
        if (points.Count == 0) throw new VectorFileException($"line {line}: no points for {id}");
        yield return new ExtraCheck($"{id} lorenz points", ExtraKind.LorenzPoints, [id, .. points]);
        foreach (Match l in LValue().Matches(text))
            yield return new ExtraCheck($"{id} L({l.Groups[1].Value})", ExtraKind.LorenzValue, [id, Rational(l.Groups[1].Value, line), Rational(l.Groups[2].Value, line)]);
    }

    private static ExtraCheck Nakamoto(string[] cells, int line)
    {
        var holdings = ExpandHoldings(cells[0], line);
        string theta = Rational(cells[1], line);
        string nc = Integer(Number(cells[2], line), line).ToString(CultureInfo.InvariantCulture);
        return new ExtraCheck($"nakamoto [{string.Join(", ", holdings)}] {theta}", ExtraKind.NakamotoThreshold, [theta, nc, .. holdings]);
    }

    private static ExtraCheck ClosedForms(string text, int line)
    {
        var sample = SampleGini().Match(text);
        var palma = EqualPalma().Match(text);
        if (!sample.Success || !palma.Success)
            throw new VectorFileException($"line {line}: the closed forms need 'sample-corrected Gini is exactly a/b' and 'Palma = a/b'");
        return new ExtraCheck("closed forms", ExtraKind.ClosedForms, [Rational(sample.Groups[1].Value, line), Rational(palma.Groups[1].Value, line)]);
    }

    private static IEnumerable<ExtraCheck> ErrorInputs(string text, int line)
    {
        var matches = ErrorInput().Matches(Normalize(text));
        if (matches.Count == 0) throw new VectorFileException($"line {line}: no '[holdings] (reason)' in the error inputs");
        foreach (Match m in matches)
        {
            var holdings = m.Groups[1].Value.Trim().Length == 0 ? ImmutableArray<string>.Empty : ExpandHoldings(m.Groups[1].Value, line);
            yield return new ExtraCheck($"error [{m.Groups[1].Value}]", ExtraKind.ErrorInput, [m.Groups[2].Value, .. holdings]);
        }
    }

    private static string Expected(string cell, int line) =>
        cell == "undef." || DecimalNumber().IsMatch(cell) ? cell : throw new VectorFileException($"line {line}: '{cell}' is neither a decimal number nor 'undef.'");

    private static string Id(string cell, int line) =>
        VectorId().IsMatch(cell) ? cell : throw new VectorFileException($"line {line}: '{cell}' is not a vector id such as V01");

    private static string Number(string text, int line)
    {
        var t = Normalize(text);
        return DecimalNumber().IsMatch(t) ? t : throw new VectorFileException($"line {line}: '{text}' is not a number");
    }

    private static BigInteger Integer(string text, int line) =>
        BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw new VectorFileException($"line {line}: '{text}' is not an integer");

    private static int ParseCount(string text, int line) =>
        int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= MaxHoldings
            ? n
            : throw new VectorFileException($"line {line}: '{text}' is not a repeat count from 1 to {MaxHoldings}");

    private static string Rational(string text, int line)
    {
        var t = Normalize(text).Trim();
        return Analytics.Concentration.Fraction.TryParse(t, out var f) ? f.ToString() : throw new VectorFileException($"line {line}: '{text}' is not a fraction a/b");
    }

    private static string Normalize(string text) => text.Replace('−', '-').Trim();

    /// <summary>The markdown tables: header cells, then the rows (the separator row skipped), with line numbers.</summary>
    private static IEnumerable<MarkdownTable> Tables(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|')) continue;
            var header = Cells(lines[i]);
            int headerLine = i + 1;
            if (i + 1 >= lines.Length || !lines[i + 1].StartsWith("|---", StringComparison.Ordinal))
                throw new VectorFileException($"line {headerLine}: a table header must be followed by a '|---|' separator");
            var rows = new List<MarkdownRow>();
            for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                var cells = Cells(lines[i]);
                if (cells.Length != header.Length) throw new VectorFileException($"line {i + 1}: {cells.Length} cells, the header has {header.Length}");
                rows.Add(new MarkdownRow(cells, i + 1));
            }

            yield return new MarkdownTable(header, headerLine, rows);
        }
    }

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];

    /// <summary>Top-level bullets ("- ...") with their indented continuation lines joined by a space.</summary>
    private static IEnumerable<(string Text, int Line)> Bullets(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("- ", StringComparison.Ordinal)) continue;
            int start = i;
            var text = lines[i][2..].Trim();
            while (i + 1 < lines.Length && lines[i + 1].StartsWith("  ", StringComparison.Ordinal)) text += " " + lines[++i].Trim();
            yield return (text, start + 1);
        }
    }

    [GeneratedRegex(@"^(V\d+): (\w+ = .*)$")]
    private static partial Regex VectorRationals();

    [GeneratedRegex(@"^V\d+$")]
    private static partial Regex VectorId();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^(\S+) repeated ([\d,]+) times(?:, then (.*))?$")]
    private static partial Regex Repeated();

    [GeneratedRegex(@"^Lorenz points of (V\d+): (.*?)(?:;|\.?$)")]
    private static partial Regex LorenzPoints();

    [GeneratedRegex(@"\(([^,()]+), ([^,()]+)\)")]
    private static partial Regex Point();

    [GeneratedRegex(@"L\(([^)]+)\) = ([\d/]+)")]
    private static partial Regex LValue();

    [GeneratedRegex(@"^L\(([^)]+)\) of (V\d+) = ([\d/]+)")]
    private static partial Regex LorenzOf();

    [GeneratedRegex(@"sample-corrected Gini is\s+exactly ([\d/]+)")]
    private static partial Regex SampleGini();

    [GeneratedRegex(@"Palma = ([\d/]+)")]
    private static partial Regex EqualPalma();

    [GeneratedRegex(@"\[([^\]]*)\] \(([^)]+)\)")]
    private static partial Regex ErrorInput();
}
