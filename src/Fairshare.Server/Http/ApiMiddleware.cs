using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Fairshare.Server.Http;

/// <summary>
/// The request pipeline's own step: per-endpoint body limits. Errors are written by <see cref="ApiErrors"/> (those of
/// the framework through <see cref="ApiProblemWriter"/>); request durations are ASP.NET Core's own metric
/// (<c>http.server.request.duration</c>), exported at <c>/metrics</c>.
/// </summary>
internal static class ApiMiddleware
{
    /// <summary>
    /// Applies the endpoint's <see cref="BodyLimit"/> (else <paramref name="requestLimit"/>): a declared length over it is
    /// refused at once; a chunked body is cut off by Kestrel when it passes the limit.
    /// </summary>
    public static Task LimitBodyAsync(HttpContext context, RequestDelegate next, long requestLimit)
    {
        long limit = LimitOf(context, requestLimit);
        if (context.Request.ContentLength > limit)
            return ApiErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "body_too_large", TooLarge(context, requestLimit));
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        return next(context);
    }

    /// <summary>The detail of a 413 <c>body_too_large</c>: the route's limit, and the declared length when there is one.</summary>
    public static string TooLarge(HttpContext context, long requestLimit)
    {
        long limit = LimitOf(context, requestLimit);
        var size = context.Request.ContentLength is { } length
            ? $"the body of {length.ToString(CultureInfo.InvariantCulture)} bytes is"
            : "the body is";
        return $"{size} larger than this route's limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes; send less in one request";
    }

    private static long LimitOf(HttpContext context, long requestLimit) =>
        context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? requestLimit;
}
