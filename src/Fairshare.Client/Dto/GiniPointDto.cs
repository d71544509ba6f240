namespace Fairshare.Client.Dto;

/// <summary>
/// One point of a <see cref="GiniSeriesDto"/>: at <paramref name="Height"/> (block time <paramref name="TimestampMs"/>),
/// the population's cumulative total in base units, its population Gini and Nakamoto coefficients at 1/2 and 1/3; the
/// metrics are null while the total is still zero (undefined, not 0).
/// </summary>
public sealed record GiniPointDto(ulong Height, ulong TimestampMs, [property: BaseUnits] string Total, double? Gini, int? Nakamoto50, int? Nakamoto33);
