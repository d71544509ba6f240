using System.Collections.Immutable;
using System.Globalization;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;
using Fairshare.Conformance;

namespace Fairshare.Conformance.Metrics;

/// <summary>
/// Checks <c>shared/spec/metrics.md</c> against <see cref="Concentration"/>: the spec's markdown is parsed as it is
/// (nothing copied), every figure of Tables A and B is compared at 12 significant digits (|a − e| ≤ 5·10⁻¹²·|e|, or
/// |a| ≤ 10⁻¹² for e = 0), n, total and the Nakamoto coefficients exactly, the exact rationals for equality, and
/// "undef." must be undefined. The extra checks of §4 (Lorenz points and values, the threshold table, the closed forms,
/// the error inputs) are cases of their own.
/// </summary>
public static class MetricsConformance
{
    private const double RelativeTolerance = 5e-12;
    private const double ZeroTolerance = 1e-12;

    /// <summary>Whether <paramref name="text"/> looks like a metrics spec (markdown) rather than a JSON vector file.</summary>
    public static bool IsMetricsMarkdown(string text) => !text.TrimStart().StartsWith('{') && text.Contains("| vector |", StringComparison.Ordinal);

    /// <summary>Runs every case of the markdown <paramref name="markdown"/>.</summary>
    /// <exception cref="VectorFileException">The file cannot be read as a metrics spec; the message names the line.</exception>
    public static MetricsConformanceReport Run(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var spec = MetricsSpecParser.Parse(markdown);
        var cases = ImmutableArray.CreateBuilder<MetricCaseResult>();
        var byVector = spec.Figures.ToLookup(f => f.VectorId, StringComparer.Ordinal);
        var holdingsById = new Dictionary<string, Holdings>(StringComparer.Ordinal);
        foreach (var vector in spec.Vectors)
        {
            var result = Holdings.FromDecimals(vector.Holdings);
            if (!result.IsOk)
            {
                cases.Add(new MetricCaseResult(vector.Id, 1, [$"the holdings are refused: {result.Error}: {result.Message}"]));
                continue;
            }

            holdingsById[vector.Id] = result.Value!;
            var figures = byVector[vector.Id].ToList();
            var failures = figures.Select(f => Check(result.Value!, f)).OfType<string>().ToImmutableArray();
            cases.Add(new MetricCaseResult(vector.Id, figures.Count, failures));
        }

        foreach (var extra in spec.Extras) cases.Add(Extra(extra, holdingsById));
        return new MetricsConformanceReport(cases.ToImmutable());
    }

    private static string? Check(Holdings h, ExpectedFigure figure)
    {
        var actual = Measure(h, figure.Metric);
        string where = $"{figure.Metric}{(figure.Exact ? " (exact)" : "")}";
        if (figure.Text == "undef.")
            return actual.Exact is null && actual.Approx is null ? null : $"{where}: expected undefined, got {actual}";
        if (actual.Exact is null && actual.Approx is null) return $"{where}: expected {figure.Text}, got undefined";
        var expected = figure.Exact ? Fraction.Parse(figure.Text) : ParseDecimal(figure.Text);
        if (figure.Exact || actual.IsInteger)
            return actual.Exact == expected ? null : $"{where}: expected {figure.Text}, got {actual}";
        double e = expected.ToDouble();
        double a = actual.Approx ?? actual.Exact!.Value.ToDouble();
        bool ok = e == 0 ? Math.Abs(a) <= ZeroTolerance : Math.Abs(a - e) <= RelativeTolerance * Math.Abs(e);
        return ok ? null : $"{where}: expected {figure.Text}, got {NumberText.Plain(a)}";
    }

    private static MetricValue Measure(Holdings h, string metric) => metric switch
    {
        "n" => MetricValue.Integer(h.Count),
        "total" => new MetricValue(h.TotalValue, null, true),
        "gini" => MetricValue.Of(Gini.Exact(h)),
        "gini_sample" => MetricValue.Of(Gini.SampleExact(h)),
        "hhi" => MetricValue.Of(Hhi.Exact(h)),
        "hhi_normalized" => MetricValue.Of(Hhi.NormalizedExact(h)),
        "theil" => new MetricValue(null, Theil.Index(h), false),
        "theil_normalized" => new MetricValue(null, Theil.Normalized(h), false),
        "top1_share" => MetricValue.Of(TopShare.OfCount(h, 1)),
        "top3_share" => MetricValue.Of(TopShare.OfCount(h, 3)),
        "top10pct_share" => MetricValue.Of(TopShare.OfFraction(h, new Fraction(1, 10))),
        "nakamoto_1/2" => MetricValue.Integer(Nakamoto.Coefficient(h, Fraction.Half)),
        "nakamoto_1/3" => MetricValue.Integer(Nakamoto.Coefficient(h, Fraction.Third)),
        "palma" => MetricValue.Of(Palma.Exact(h)),
        _ => throw new InvalidOperationException($"unknown metric {metric}"),
    };

    private static MetricCaseResult Extra(ExtraCheck check, Dictionary<string, Holdings> vectors)
    {
        var args = check.Args;
        switch (check.Kind)
        {
            case ExtraKind.LorenzPoints:
            {
                if (!vectors.TryGetValue(args[0], out var h)) return Missing(check);
                var curve = Lorenz.Curve(h);
                var expected = args.Skip(1).Select(p => p.Split(';')).Select(p => (X: Fraction.Parse(p[0]), Y: Fraction.Parse(p[1]))).ToList();
                if (curve.Length != expected.Count) return Fail(check, expected.Count, $"{curve.Length} points, expected {expected.Count}");
                var failures = expected.Select((p, i) => curve[i].Population == p.X && curve[i].Share == p.Y ? null : $"point {i}: expected ({p.X}, {p.Y}), got ({curve[i].Population}, {curve[i].Share})");
                return new MetricCaseResult(check.Name, expected.Count, [.. failures.OfType<string>()]);
            }

            case ExtraKind.LorenzValue:
            {
                if (!vectors.TryGetValue(args[0], out var h)) return Missing(check);
                var actual = Lorenz.At(h, Fraction.Parse(args[1]));
                return actual == Fraction.Parse(args[2]) ? Pass(check, 1) : Fail(check, 1, $"expected {args[2]}, got {actual}");
            }

            case ExtraKind.NakamotoThreshold:
            {
                var h = Holdings.FromDecimals(args.Skip(2)).Value!;
                int actual = Nakamoto.Coefficient(h, Fraction.Parse(args[0]));
                return actual.ToString(CultureInfo.InvariantCulture) == args[1] ? Pass(check, 1) : Fail(check, 1, $"expected {args[1]}, got {actual}");
            }

            case ExtraKind.ClosedForms:
                return ClosedForms(check, Fraction.Parse(args[0]), Fraction.Parse(args[1]));

            case ExtraKind.ErrorInput:
            {
                var result = Holdings.FromDecimals(args.Skip(1));
                var wanted = args[0].Contains("empty", StringComparison.Ordinal) ? HoldingsError.Empty
                    : args[0].Contains("negative", StringComparison.Ordinal) ? HoldingsError.NegativeHolding
                    : args[0].Contains("zero", StringComparison.Ordinal) ? HoldingsError.ZeroTotal
                    : HoldingsError.None;
                if (wanted == HoldingsError.None) return Fail(check, 1, $"unknown error kind '{args[0]}'");
                return result.Error == wanted ? Pass(check, 1) : Fail(check, 1, $"expected refusal {wanted}, got {(result.IsOk ? "accepted" : result.Error.ToString())}");
            }

            default:
                throw new InvalidOperationException($"unknown extra check {check.Kind}");
        }
    }

    /// <summary>Ramps 1 … n: G = (n − 1)/(3n), G* as given; n equal holdings: G = HHI* = Theil = 0, HHI = 1/n, NC_½ = ⌊n/2⌋ + 1, Palma as given.</summary>
    private static MetricCaseResult ClosedForms(ExtraCheck check, Fraction rampSample, Fraction equalPalma)
    {
        var failures = new List<string>();
        int checks = 0;
        foreach (int n in new[] { 2, 3, 7, 10, 64, 1000 })
        {
            var ramp = Holdings.Create(Enumerable.Range(1, n).Select(i => (long)i)).Value!;
            Expect(Gini.Exact(ramp) == new Fraction(n - 1, 3 * n), $"ramp n={n}: gini {Gini.Exact(ramp)}");
            Expect(Gini.SampleExact(ramp) == rampSample, $"ramp n={n}: gini_sample {Gini.SampleExact(ramp)}, expected {rampSample}");
            var equal = Holdings.Create(Enumerable.Repeat(7L, n)).Value!;
            Expect(Gini.Exact(equal).IsZero && Hhi.NormalizedExact(equal) == Fraction.Zero && Theil.Index(equal) == 0, $"equal n={n}: gini, hhi*, theil not 0");
            Expect(Hhi.Exact(equal) == new Fraction(1, n), $"equal n={n}: hhi {Hhi.Exact(equal)}");
            Expect(Nakamoto.Coefficient(equal, Fraction.Half) == n / 2 + 1, $"equal n={n}: NC½ {Nakamoto.Coefficient(equal, Fraction.Half)}");
            Expect(Palma.Exact(equal) == equalPalma, $"equal n={n}: palma {Palma.Exact(equal)}, expected {equalPalma}");
        }

        return new MetricCaseResult(check.Name, checks, [.. failures]);

        void Expect(bool ok, string failure)
        {
            checks++;
            if (!ok) failures.Add(failure);
        }
    }

    private static MetricCaseResult Pass(ExtraCheck check, int checks) => new(check.Name, checks, []);

    private static MetricCaseResult Fail(ExtraCheck check, int checks, string failure) => new(check.Name, checks, [failure]);

    private static MetricCaseResult Missing(ExtraCheck check) => Fail(check, 1, $"vector {check.Args[0]} is not in the input table");

    private static Fraction ParseDecimal(string text)
    {
        bool negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        int dot = digits.IndexOf('.', StringComparison.Ordinal);
        var scale = dot < 0 ? 0 : digits.Length - dot - 1;
        var numerator = System.Numerics.BigInteger.Parse(digits.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return new Fraction(negative ? -numerator : numerator, System.Numerics.BigInteger.Pow(10, scale));
    }
}
