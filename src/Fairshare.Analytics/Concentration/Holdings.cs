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
    // When every holding and the total fit in 128 bits (any u256 balance up to 3.4·10³⁸ base units in all), the sorted
    // holdings and running sums are kept as UInt128: sorting and the one-pass metrics then run without allocating.
    // Otherwise as BigInteger. _prefix[k] = S_k, the sum of the k smallest holdings; _prefix[n] = T.
    private readonly UInt128[]? _narrow;
    private readonly UInt128[]? _narrowPrefix;
    private readonly BigInteger[]? _wide;
    private readonly BigInteger[]? _widePrefix;
    private ImmutableArray<BigInteger> _ascending;

    private Holdings(UInt128[] ascending, int decimals)
    {
        _narrow = ascending;
        Decimals = decimals;
        _narrowPrefix = new UInt128[ascending.Length + 1];
        for (int k = 0; k < ascending.Length; k++) _narrowPrefix[k + 1] = _narrowPrefix[k] + ascending[k];
        Count = ascending.Length;
    }

    private Holdings(BigInteger[] ascending, int decimals)
    {
        _wide = ascending;
        _ascending = ImmutableCollectionsMarshal.AsImmutableArray(ascending);
        Decimals = decimals;
        _widePrefix = new BigInteger[ascending.Length + 1];
        for (int k = 0; k < ascending.Length; k++) _widePrefix[k + 1] = _widePrefix[k] + ascending[k];
        Count = ascending.Length;
    }

    /// <summary>n, the number of holders (zero holdings included).</summary>
    public int Count { get; }

    /// <summary>T, the sum of all holdings, in the same units as the holdings; always positive.</summary>
    public BigInteger Total => SumOfSmallest(Count);

    /// <summary>How many decimal places the units carry: 0 for integer input, the most places given to
    /// <see cref="FromDecimals"/> otherwise. A holding h stands for h / 10^Decimals.</summary>
    public int Decimals { get; }

    /// <summary>The total as the exact value it stands for: <see cref="Total"/> / 10^<see cref="Decimals"/>.</summary>
    public Fraction TotalValue => new(Total, BigInteger.Pow(10, Decimals));

    /// <summary>The holdings in ascending order: x₍₁₎ ≤ … ≤ x₍ₙ₎.</summary>
    public ImmutableArray<BigInteger> Ascending
    {
        get
        {
            if (_ascending.IsDefault) _ascending = [.. _narrow!.Select(v => (BigInteger)v)];
            return _ascending;
        }
    }

    /// <summary>The holdings in ascending order as UInt128, when every holding and the total fit (else empty).</summary>
    internal ReadOnlySpan<UInt128> Narrow => _narrow;

    /// <summary>Whether <see cref="Narrow"/> holds the holdings.</summary>
    internal bool IsNarrow => _narrow is not null;

    /// <summary>x₍ₖ₊₁₎, the holding at 0-based rank <paramref name="k"/> in ascending order.</summary>
    internal BigInteger ValueAt(int k) => _narrow is { } narrow ? narrow[k] : _wide![k];

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
    public BigInteger SumOfSmallest(int k) => _narrowPrefix is { } narrow ? narrow[k] : _widePrefix![k];

    /// <summary>D_k, the sum of the <paramref name="k"/> largest holdings (0 ≤ k ≤ n).</summary>
    public BigInteger SumOfLargest(int k) => Total - SumOfSmallest(Count - k);

    /// <summary>The distinct holdings in ascending order, each with how many holders have it.</summary>
    internal IEnumerable<(BigInteger Value, int Count)> Runs()
    {
        int start = 0;
        for (int i = 1; i <= Count; i++)
        {
            if (i < Count && ValueAt(i) == ValueAt(start)) continue;
            yield return (ValueAt(start), i - start);
            start = i;
        }
    }

    /// <summary>As <see cref="Runs"/>, over <see cref="Narrow"/>.</summary>
    internal IEnumerable<(UInt128 Value, int Count)> NarrowRuns()
    {
        var narrow = _narrow!;
        int start = 0;
        for (int i = 1; i <= narrow.Length; i++)
        {
            if (i < narrow.Length && narrow[i] == narrow[start]) continue;
            yield return (narrow[start], i - start);
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
        if (TryNarrow(values) is { } narrow)
        {
            Array.Sort(narrow);
            return HoldingsResult.Ok(new Holdings(narrow, decimals));
        }

        Array.Sort(values);
        return HoldingsResult.Ok(new Holdings(values, decimals));
    }

    /// <summary>The values as UInt128 when each and their sum fit in 128 bits; else null.</summary>
    private static UInt128[]? TryNarrow(BigInteger[] values)
    {
        var narrow = new UInt128[values.Length];
        UInt128 total = UInt128.Zero;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].GetBitLength() > 128) return null;
            var v = (UInt128)values[i];
            var next = total + v;
            if (next < total) return null;
            (narrow[i], total) = (v, next);
        }

        return narrow;
    }
}
