namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/analytics/gini-series</c>: the concentration of a cumulative quantity at evenly spaced block heights,
/// oldest first. <paramref name="Population"/> says who counts as a holder (the same set at every height).
/// </summary>
public sealed record GiniSeriesDto(string Of, string Asset, string Population, IReadOnlyList<GiniPointDto> Points);
