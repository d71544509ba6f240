using System.Numerics;

namespace Fairshare.Analytics.Concentration;

/// <summary>
/// Every concentration metric of metrics.md for one list of holdings, as doubles for tables and plots. The exact
/// values come from the classes named after each metric (Gini.Exact, Hhi.Exact, ...). Null means the
/// metric is undefined for this input (a single holder, or a Palma ratio of +∞). Who counts as a holder, and whether
/// zero or dust accounts are included, is the caller's choice and belongs next to these numbers.
/// </summary>
/// <param name="N">n, the number of holders, zero holdings included.</param>
/// <param name="Total">T, the sum of the holdings, in units of 10^−<paramref name="Decimals"/>.</param>
/// <param name="Decimals">Decimal places of the units of <paramref name="Total"/>: 0 for integer (base-unit) input.</param>
/// <param name="Gini">The population Gini coefficient, 0 … 1 − 1/n.</param>
/// <param name="GiniSample">The sample-corrected Gini G·n/(n − 1); null for one holder. Label it when reported.</param>
/// <param name="Hhi">The Herfindahl–Hirschman index Σ sᵢ², 1/n … 1.</param>
/// <param name="HhiNormalized">(HHI − 1/n)/(1 − 1/n), 0 … 1; null for one holder.</param>
/// <param name="Theil">The Theil T index, 0 … ln n.</param>
/// <param name="TheilNormalized">Theil / ln n, 0 … 1; null for one holder.</param>
/// <param name="Top1Share">The largest holder's share.</param>
/// <param name="Top3Share">The three largest holders' share.</param>
/// <param name="Top10PercentShare">The richest 10% of holders' share (interpolated Lorenz curve).</param>
/// <param name="Nakamoto50">The fewest holders with strictly more than 1/2 of the total.</param>
/// <param name="Nakamoto33">The fewest holders with strictly more than 1/3 of the total.</param>
/// <param name="Palma">The richest 10%'s share over the poorest 40%'s; null when the poorest 40% hold nothing (+∞).</param>
public sealed record ConcentrationReport(
    int N,
    BigInteger Total,
    int Decimals,
    double Gini,
    double? GiniSample,
    double Hhi,
    double? HhiNormalized,
    double Theil,
    double? TheilNormalized,
    double Top1Share,
    double Top3Share,
    double Top10PercentShare,
    int Nakamoto50,
    int Nakamoto33,
    double? Palma)
{
    /// <summary>The total as the exact value it stands for: <see cref="Total"/> / 10^<see cref="Decimals"/>.</summary>
    public Fraction TotalValue => new(Total, BigInteger.Pow(10, Decimals));
}
