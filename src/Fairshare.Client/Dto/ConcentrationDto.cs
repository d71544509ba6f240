namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/analytics/concentration</c>: every metric of docs/analytics.md for one population at one height, computed
/// exactly by Fairshare.Analytics and rounded once to double. <paramref name="Of"/> names the quantity
/// (<c>balances</c>, <c>provider-income</c>, <c>stake</c>), <paramref name="Population"/> says who counts as a holder.
/// A null metric is undefined for this population (one holder, a Palma ratio of +∞, or, with
/// <paramref name="Undefined"/> set, no holders or a zero total); never read it as 0. <paramref name="Total"/> is in
/// base units of <paramref name="Asset"/>. <paramref name="Lorenz"/> holds the curve's vertices (k/n, S_k/T), every
/// one when n + 1 ≤ 200, otherwise 200 of them evenly spaced in k (the first and last included).
/// </summary>
public sealed record ConcentrationDto(
    string Of,
    string Asset,
    string Population,
    ulong Height,
    int N,
    [property: BaseUnits] string Total,
    string? Undefined,
    double? Gini,
    double? GiniSample,
    double? Hhi,
    double? HhiNormalized,
    double? Theil,
    double? TheilNormalized,
    double? Top1Share,
    double? Top3Share,
    double? Top10PercentShare,
    int? Nakamoto50,
    int? Nakamoto33,
    double? Palma,
    IReadOnlyList<LorenzPointDto> Lorenz);
