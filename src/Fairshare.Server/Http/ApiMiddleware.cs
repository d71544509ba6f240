using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Fairshare.Server.Http;

/// <summary>
/// The request pipeline's own steps: error capture around everything, per-endpoint body limits, and the JSON bodies of
/// answers that ASP.NET Core would otherwise send empty (404 unknown route, 405, 415). Request durations are ASP.NET
/// Core's own metric (<c>http.server.request.duration</c>), exported at <c>/metrics</c>.
/// </summary>
internal static partial class ApiMiddleware
{
    /// <summary>Turns exceptions into <see cref="ApiErrors"/> (500 <c>internal</c> without details).</summary>
    public static async Task CatchErrorsAsync(HttpContext context, RequestDelegate next, ILogger log, long requestLimit)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                await ApiErrors.WriteAsync(context, e.StatusCode, "body_too_large", TooLarge(context, requestLimit)).ConfigureAwait(false);
            else
                await ApiErrors.WriteAsync(context, e.StatusCode, "bad_request", e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e)
        {
            LogUnexpected(log, e, context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal",
                    "the node failed to answer this request; the error is in its log").ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Applies the endpoint's <see cref="BodyLimit"/> (else <paramref name="requestLimit"/>): a declared length over it is
    /// refused at once; a chunked body is cut off by Kestrel when it passes the limit.
    /// </summary>
    public static Task LimitBodyAsync(HttpContext context, RequestDelegate next, long requestLimit)
    {
        long limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? requestLimit;
        if (context.Request.ContentLength > limit)
            return ApiErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "body_too_large", TooLarge(context, limit));
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        return next(context);
    }

    /// <summary>Gives the empty answers routing produces a JSON error body.</summary>
    public static Task WriteStatusBodyAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        int code = context.Response.StatusCode;
        var request = context.Request;
        return code switch
        {
            StatusCodes.Status404NotFound when context.GetEndpoint() is null => ApiErrors.WriteAsync(context, code, "unknown_route",
                $"no route {request.Method} {request.Path}; the routes are listed at /openapi/v1.json and /reference"),
            StatusCodes.Status405MethodNotAllowed => ApiErrors.WriteAsync(context, code, "method_not_allowed",
                $"{request.Path} does not take {request.Method}; see /reference for its methods"),
            StatusCodes.Status415UnsupportedMediaType => ApiErrors.WriteAsync(context, code, "unsupported_media_type",
                $"{request.Path} does not take a body of type '{request.ContentType}'"),
            _ => ApiErrors.WriteAsync(context, code, "http_" + code, $"the node answered {code} to {request.Method} {request.Path}"),
        };
    }

    private static string TooLarge(HttpContext context, long fallback)
    {
        long limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? fallback;
        return $"the body is larger than this route's limit of {limit} bytes; send fewer transactions per request";
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "unexpected error answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger log, Exception error, string method, string path);
}
