using System.Numerics;
using Fairshare.Analytics.Concentration;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>
/// The public test vectors of metrics.md §4: the inputs as code, the expected values as the spec's own table rows
/// and bullet lines, copied verbatim, so a diff against the spec shows any drift.
/// </summary>
public static class SpecVectors
{
    /// <summary>Table A: vector | n | total | gini | gini_sample | hhi | hhi_normalized | theil | theil_normalized.</summary>
    public const string TableA = """
        | V01 | 4 | 20 | 0 | 0 | 0.25 | 0 | 0 | 0 |
        | V02 | 5 | 100 | 0.8 | 1 | 1 | 1 | 1.60943791243 | 1 |
        | V03 | 5 | 15 | 0.266666666667 | 0.333333333333 | 0.244444444444 | 0.0555555555556 | 0.119687593584 | 0.0743660831268 |
        | V04 | 10 | 55 | 0.3 | 0.333333333333 | 0.127272727273 | 0.0303030303030 | 0.151303372342 | 0.0657102197016 |
        | V05 | 6 | 100 | 0.333333333333 | 0.4 | 0.3 | 0.16 | 0.293893332451 | 0.164024991913 |
        | V06 | 7 | 10 | 0.542857142857 | 0.633333333333 | 0.32 | 0.206666666667 | 0.586673448390 | 0.301490512640 |
        | V07 | 1 | 42 | 0 | undef. | 1 | undef. | 0 | undef. |
        | V08 | 4 | 1000000000 | 0.45288 | 0.60384 | 0.4378304792 | 0.250440638933 | 0.407274707988 | 0.293786600747 |
        | V09 | 8 | 1000000000 | 0.5712534 | 0.652861028571 | 0.275670958994 | 0.172195381707 | 0.584744977961 | 0.281202893296 |
        | V10 | 5 | 10000000 | 0.37343164 | 0.46678955 | 0.293295320141 | 0.116619150176 | 0.247905610913 | 0.154032416534 |
        | V11 | 2 | 16000000 | 0.3125 | 0.625 | 0.6953125 | 0.390625 | 0.210569615383 | 0.303787739875 |
        | V12 | 5 | 10000 | 0.39448 | 0.4931 | 0.29994942 | 0.124936775 | 0.286845987720 | 0.178227433009 |
        | V13 | 5 | 100 | 0.068 | 0.085 | 0.2036 | 0.0045 | 0.00866621794666 | 0.00538462396077 |
        | V14 | 10 | 1023 | 0.701955034213 | 0.779950038015 | 0.333985011404 | 0.259983346005 | 0.924043403786 | 0.401306951303 |
        | V15 | 3 | 1 | 0.4 | 0.6 | 0.54 | 0.31 | 0.296793736125 | 0.270153300838 |
        | V16 | 1000 | 500500 | 0.333 | 0.333333333333 | 0.00133266733267 | 0.000333000333000 | 0.192648827881 | 0.0278887742979 |
        | V17 | 251541 | 1000000000 | 0.899373370713 | 0.899376946181 | 0.265547902734 | 0.265544982912 | 9.68950104796 | 0.779189348185 |
        """;

    /// <summary>Table B: vector | top1_share | top3_share | top10pct_share | nakamoto_1/2 | nakamoto_1/3 | palma.</summary>
    public const string TableB = """
        | V01 | 0.25 | 0.75 | 0.1 | 3 | 2 | 0.25 |
        | V02 | 1 | 1 | 0.5 | 1 | 1 | undef. |
        | V03 | 0.333333333333 | 0.8 | 0.166666666667 | 2 | 2 | 0.833333333333 |
        | V04 | 0.181818181818 | 0.490909090909 | 0.181818181818 | 4 | 2 | 1 |
        | V05 | 0.5 | 0.7 | 0.3 | 2 | 1 | 1.25 |
        | V06 | 0.5 | 0.8 | 0.35 | 2 | 1 | 4.375 |
        | V07 | 1 | 1 | 0.1 | 1 | 1 | 0.25 |
        | V08 | 0.6 | 0.9931 | 0.24 | 1 | 1 | 2.08398457851 |
        | V09 | 0.43 | 0.8231 | 0.344 | 2 | 1 | 9.30905186224 |
        | V10 | 0.4229949 | 0.8852293 | 0.21149745 | 2 | 1 | 1.84278260915 |
        | V11 | 0.8125 | 1 | 0.1625 | 1 | 1 | 1.08333333333 |
        | V12 | 0.4278 | 0.8725 | 0.2139 | 2 | 1 | 1.67764705882 |
        | V13 | 0.25 | 0.64 | 0.125 | 3 | 2 | 0.347222222222 |
        | V14 | 0.500488758553 | 0.875855327468 | 0.500488758553 | 1 | 1 | 34.1333333333 |
        | V15 | 0.7 | 1 | 0.21 | 1 | 1 | 1.5 |
        | V16 | 0.00199800199800 | 0.00598801198801 | 0.189910089910 | 294 | 184 | 1.18516209476 |
        | V17 | 0.43 | 0.8231 | 0.90944524 | 2 | 1 | 22.5968440533 |
        """;

    /// <summary>The exact rational values: "- Vnn: metric = a/b; ...".</summary>
    public const string ExactValues = """
        - V01: gini = 0; gini_sample = 0; hhi = 1/4; top10pct_share = 1/10; palma = 1/4
        - V02: gini = 4/5; gini_sample = 1; hhi = 1; top10pct_share = 1/2
        - V03: gini = 4/15; gini_sample = 1/3; hhi = 11/45; top10pct_share = 1/6; palma = 5/6
        - V04: gini = 3/10; gini_sample = 1/3; hhi = 7/55; top10pct_share = 2/11; palma = 1
        - V05: gini = 1/3; gini_sample = 2/5; hhi = 3/10; top10pct_share = 3/10; palma = 5/4
        - V06: gini = 19/35; gini_sample = 19/30; hhi = 8/25; top10pct_share = 7/20; palma = 35/8
        - V07: gini = 0; hhi = 1; top10pct_share = 1/10; palma = 1/4
        - V08: gini = 5661/12500; gini_sample = 1887/3125; hhi = 547288099/1250000000; top10pct_share = 6/25; palma = 20000/9597
        - V09: gini = 2856267/5000000; gini_sample = 2856267/4375000; hhi = 107683968357/390625000000; top10pct_share = 43/125; palma = 1075000/115479
        - V10: gini = 9335791/25000000; gini_sample = 9335791/20000000; hhi = 7332383003517/25000000000000; top10pct_share = 4229949/20000000; palma = 1409983/765138
        - V11: gini = 5/16; gini_sample = 5/8; hhi = 89/128; top10pct_share = 13/80; palma = 13/12
        - V12: gini = 4931/12500; gini_sample = 4931/10000; hhi = 14997471/50000000; top10pct_share = 2139/10000; palma = 713/425
        - V13: gini = 17/250; gini_sample = 17/200; hhi = 509/2500; top10pct_share = 1/8; palma = 25/72
        - V14: gini = 7181/10230; gini_sample = 7181/9207; hhi = 1025/3069; top10pct_share = 512/1023; palma = 512/15
        - V15: gini = 2/5; gini_sample = 3/5; hhi = 27/50; top10pct_share = 21/100; palma = 3/2
        - V16: gini = 333/1000; gini_sample = 1/3; hhi = 667/500500; top10pct_share = 1901/10010; palma = 1901/1604
        - V17: gini = 282786596303/314426250000; gini_sample = 282786596303/314425000000; hhi = 165967439209/625000000000; top10pct_share = 22736131/25000000; palma = 22736131/1006164
        """;

    /// <summary>The ids V01 … V17.</summary>
    public static IEnumerable<string> Ids => Enumerable.Range(1, 17).Select(i => $"V{i:00}");

    /// <summary>The holdings of a vector, in the order the spec lists them (unvalidated, for order tests).</summary>
    public static IReadOnlyList<BigInteger> Raw(string id) => id switch
    {
        "V01" => L(5, 5, 5, 5),
        "V02" => L(0, 0, 0, 0, 100),
        "V03" => Ramp(5),
        "V04" => Ramp(10),
        "V05" => L(50, 10, 10, 10, 10, 10),
        "V06" => L(0, 0, 1, 1, 1, 2, 5),
        "V07" => L(42),
        "V08" => L(600000000, 212660000, 180440000, 6900000),
        "V09" => L(100613600, 49166400, 220000, 20000000, 430000000, 212660000, 180440000, 6900000),
        "V10" => L(4229949, 2396307, 2226037, 372707, 775000),
        "V11" => L(13000000, 3000000),
        "V12" => L(4278, 2694, 1753, 1162, 113),
        "V13" => L(25, 20, 19, 19, 17),
        "V14" => [.. Enumerable.Range(0, 10).Select(i => BigInteger.One << i)],
        "V15" => L(1, 2, 7), // 0.1, 0.2, 0.7 in tenths: see HoldingsOf(id)
        "V16" => Ramp(1000),
        "V17" => [.. Enumerable.Repeat(new BigInteger(400), 251_534),
                  .. L(49166400, 220000, 20000000, 430000000, 212660000, 180440000, 6900000)],
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "no such vector"),
    };

    /// <summary>The validated holdings of a vector; V15 goes through the exact-decimal path.</summary>
    public static Holdings HoldingsOf(string id)
    {
        var result = id == "V15"
            ? Holdings.FromDecimals(["0.1", "0.2", "0.7"])
            : Holdings.Create(Raw(id));
        Assert.True(result.IsOk, result.Message);
        return result.Value;
    }

    /// <summary>The cells of a vector's row in one of the tables, after the id.</summary>
    public static string[] Row(string table, string id) =>
        table.Split('\n')
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Single(cells => cells[0] == id)[1..];

    /// <summary>A vector's exact values by metric name.</summary>
    public static IReadOnlyDictionary<string, Fraction> Exact(string id)
    {
        string line = ExactValues.Split('\n').Single(l => l.StartsWith($"- {id}:", StringComparison.Ordinal));
        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]
            .Split(';', StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(" = "))
            .ToDictionary(pair => pair[0], pair => Fraction.Parse(pair[1]));
    }

    private static BigInteger[] L(params long[] values) => [.. values.Select(v => new BigInteger(v))];

    private static BigInteger[] Ramp(int n) => [.. Enumerable.Range(1, n).Select(i => new BigInteger(i))];
}
