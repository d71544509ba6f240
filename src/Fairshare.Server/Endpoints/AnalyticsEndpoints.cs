using System.Globalization;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.State;
using Fairshare.Node.Cluster;
using Fairshare.Server.Http;
using Fairshare.Server.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary>
/// <c>GET /v1/analytics/concentration</c> and <c>GET /v1/analytics/gini-series</c>: concentration metrics computed
/// exactly by Fairshare.Analytics over populations chosen in <see cref="AnalyticsViews"/> (docs/dashboard.md).
/// </summary>
internal static class AnalyticsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/analytics/concentration", (string? of, string? asset, ILedgerService ledger, IndexHolder index) => Concentration(of, asset, ledger, index))
            .WithName("GetConcentration").WithTags("analytics")
            .WithSummary("Concentration metrics and the Lorenz curve of balances, provider income or stake")
            .WithDescription("of = balances (every account holding the asset; asset = id or symbol, FSH by default), provider-income "
                + "(every registered provider, zero earners included: FSH received in JobPayment flows, from the index) or stake "
                + "(bonded FSH per stake pool). Metrics are exact rationals rounded once to double; null = undefined for this "
                + "population. Lorenz: the vertices (k/n, S_k/T), at most 200.")
            .Produces<ConcentrationDto>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status501NotImplemented, ApiErrors.ContentType);

        routes.MapGet("/v1/analytics/gini-series", (string? of, string? points, ILedgerService ledger, IndexHolder index) => Series(of, points, ledger, index))
            .WithName("GetGiniSeries").WithTags("analytics")
            .WithSummary("Gini and Nakamoto coefficients of cumulative provider income at evenly spaced heights")
            .WithDescription("of = provider-income (every provider registered now, zero earners included, at every height); "
                + $"points = how many heights from 1 to the head (default {AnalyticsViews.DefaultSeriesPoints}, 2 to {AnalyticsViews.MaxSeriesPoints}).")
            .Produces<GiniSeriesDto>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status501NotImplemented, ApiErrors.ContentType);
    }

    private static IResult Concentration(string? of, string? asset, ILedgerService ledger, IndexHolder index)
    {
        if (!TryQuantity(of, AnalyticsViews.Quantities, out var quantity, out var error)) return error!;
        if (asset is not null && quantity != AnalyticsViews.Balances)
            return ApiErrors.BadRequest("bad_asset", $"asset applies to of=balances only; {quantity} is always in FSH");
        switch (quantity)
        {
            case AnalyticsViews.Balances:
                var measured = ledger.Read(state => FindAsset(state, asset ?? "FSH") is { } found ? AnalyticsViews.BalancesOf(state, found) : null);
                return measured is null ? ApiErrors.BadRequest("bad_asset", $"'{asset}' is neither an asset id nor a known symbol") : Results.Ok(measured);
            case AnalyticsViews.Stake:
                return Results.Ok(ledger.Read(AnalyticsViews.StakeOf));
            default:
                if (index.Index is not { } chainIndex) return NoIndex();
                var (providers, height) = ledger.Read(state => (AnalyticsViews.Providers(state), Math.Min(state.Head.Height, chainIndex.IndexedHeight)));
                return Results.Ok(AnalyticsViews.IncomeOf(providers, AnalyticsViews.Payments(chainIndex, height), height));
        }
    }

    private static IResult Series(string? of, string? points, ILedgerService ledger, IndexHolder index)
    {
        if (!TryQuantity(of, AnalyticsViews.SeriesQuantities, out _, out var error)) return error!;
        int count = AnalyticsViews.DefaultSeriesPoints;
        if (points is not null && (!int.TryParse(points, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 2 || count > AnalyticsViews.MaxSeriesPoints))
            return ApiErrors.BadRequest("bad_points", $"points '{points}' is not a whole number from 2 to {AnalyticsViews.MaxSeriesPoints}");
        if (index.Index is not { } chainIndex) return NoIndex();

        var (providers, head) = ledger.Read(state => (AnalyticsViews.Providers(state), Math.Min(state.Head.Height, chainIndex.IndexedHeight)));
        var heights = AnalyticsViews.SeriesHeights(head, count)
            .Select(h => (h, ledger.ReadBlock(h)?.Header.TimestampMs ?? 0))
            .ToList();
        return Results.Ok(AnalyticsViews.IncomeSeries(providers, AnalyticsViews.Payments(chainIndex, head), heights));
    }

    private static bool TryQuantity(string? of, IReadOnlyList<string> known, out string quantity, out IResult? error)
    {
        quantity = known.FirstOrDefault(k => string.Equals(k, of, StringComparison.OrdinalIgnoreCase)) ?? "";
        error = quantity.Length > 0
            ? null
            : ApiErrors.BadRequest("bad_of", of is null
                ? $"say what to measure: of={string.Join("|", known)}"
                : $"'{of}' is not something this route measures; one of {string.Join(", ", known)}");
        return error is null;
    }

    private static AssetInfo? FindAsset(LedgerState state, string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? state.Assets.FirstOrDefault(a => a.Id.Value == id)
            : state.Assets.FirstOrDefault(a => string.Equals(a.Symbol, text, StringComparison.OrdinalIgnoreCase));

    private static IResult NoIndex() => ApiErrors.Result(StatusCodes.Status501NotImplemented, "no_index",
        "provider income comes from the index of flows, which this node does not keep; start it with an index (--index sqlite|postgres) or ask another node");
}
