using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Concentration;

/// <summary>
/// A validated list of holdings of one quantity (metrics.md §1): at least one, none negative, total above zero.
/// The values are exact integers, in base units or, from <see cref="FromDecimals"/>, in units of
/// 10^−<see cref="Decimals"/>. They are sorted ascending once, here, with their running sums, so every metric reads
/// them in O(1) or one pass. Order of the input never matters. The only way to get one is through the factories, so
/// no metric can see an invalid list.
/// </summary>
public sealed class Holdings
{
    // _prefix[k] = S_k, the sum of the k smallest holdings; _prefix[n] = T.
    private readonly BigInteger[] _prefix;

    private Holdings(BigInteger[] ascending, int decimals)
    {
        Ascending = ImmutableCollectionsMarshal.AsImmutableArray(ascending);
        Decimals = decimals;
        _prefix = new BigInteger[ascending.Length + 1];
        for (int k = 0; k < ascending.Length; k++) _prefix[k + 1] = _prefix[k] + ascending[k];
    }

    /// <summary>n, the number of holders (zero holdings included).</summary>
    public int Count => Ascending.Length;

    /// <summary>T, the sum of all holdings, in the same units as the holdings; always positive.</summary>
    public BigInteger Total => _prefix[^1];

    /// <summary>How many decimal places the units carry: 0 for integer input, the most places given to
    /// <see cref="FromDecimals"/> otherwise. A holding h stands for h / 10^Decimals.</summary>
    public int Decimals { get; }

    /// <summary>The total as the exact value it stands for: <see cref="Total"/> / 10^<see cref="Decimals"/>.</summary>
    public Fraction TotalValue => new(Total, BigInteger.Pow(10, Decimals));

    /// <summary>The holdings in ascending order: x₍₁₎ ≤ … ≤ x₍ₙ₎.</summary>
    public ImmutableArray<BigInteger> Ascending { get; }

    /// <summary>Validates integer holdings (base units).</summary>
    public static HoldingsResult Create(IEnumerable<BigInteger> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Validate([.. values], decimals: 0);
    }

    /// <summary>Validates ledger amounts (base units; never negative).</summary>
    public static HoldingsResult Create(IEnumerable<Amount> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Validate([.. values.Select(a => a.ToBigInteger())], decimals: 0);
    }

    /// <summary>Validates integer holdings (base units).</summary>
    public static HoldingsResult Create(IEnumerable<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Validate([.. values.Select(v => new BigInteger(v))], decimals: 0);
    }

    /// <summary>
    /// Validates exact decimal holdings such as <c>"0.1"</c>: digits, optionally one '.' followed by digits, optionally
    /// a leading '-' (refused as <see cref="HoldingsError.NegativeHolding"/> unless the value is zero). No exponent,
    /// no spaces, no rounding: every value is scaled to the common denominator 10^d, d the most places given.
    /// </summary>
    public static HoldingsResult FromDecimals(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parsed = new List<DecimalText>();
        foreach (string text in values)
        {
            if (!DecimalText.TryParse(text, out var value))
                return HoldingsResult.Fail(
                    HoldingsError.MalformedDecimal,
                    $"holding #{parsed.Count + 1} '{text}' is not a plain decimal number (digits, optionally one '.' and more digits)");
            parsed.Add(value);
        }

        int decimals = parsed.Count == 0 ? 0 : parsed.Max(p => p.Places);
        return Validate([.. parsed.Select(p => p.ScaledTo(decimals))], decimals);
    }

    /// <summary>S_k, the sum of the <paramref name="k"/> smallest holdings (0 ≤ k ≤ n).</summary>
    public BigInteger SumOfSmallest(int k) => _prefix[k];

    /// <summary>D_k, the sum of the <paramref name="k"/> largest holdings (0 ≤ k ≤ n).</summary>
    public BigInteger SumOfLargest(int k) => Total - _prefix[Count - k];

    /// <summary>The distinct holdings in ascending order, each with how many holders have it.</summary>
    internal IEnumerable<(BigInteger Value, int Count)> Runs()
    {
        int start = 0;
        for (int i = 1; i <= Count; i++)
        {
            if (i < Count && Ascending[i] == Ascending[start]) continue;
            yield return (Ascending[start], i - start);
            start = i;
        }
    }

    private static HoldingsResult Validate(BigInteger[] values, int decimals)
    {
        if (values.Length == 0)
            return HoldingsResult.Fail(HoldingsError.Empty, "no holdings: the list is empty, so every metric is undefined");
        int negative = Array.FindIndex(values, v => v.Sign < 0);
        if (negative >= 0)
            return HoldingsResult.Fail(
                HoldingsError.NegativeHolding,
                $"holding #{negative + 1} is negative ({values[negative].ToString(CultureInfo.InvariantCulture)}); split net positions before measuring");
        if (Array.TrueForAll(values, v => v.IsZero))
            return HoldingsResult.Fail(
                HoldingsError.ZeroTotal,
                $"all {values.Length} holdings are zero, so the total is zero and every metric is undefined");
        Array.Sort(values);
        return HoldingsResult.Ok(new Holdings(values, decimals));
    }
}
