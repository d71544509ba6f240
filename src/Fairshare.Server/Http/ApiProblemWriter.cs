using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fairshare.Server.Http;

/// <summary>
/// The problem details writer of ASP.NET Core's <see cref="IProblemDetailsService"/> (<c>AddProblemDetails</c>): the
/// errors the framework makes itself (status code pages: 404 for an unknown route, 405, 415, a 400 of binding; the
/// exception handler: a bad request's 400 or 413, a bug's 500) get their stable code and a detail here and are written
/// by <see cref="ApiErrors"/>, in every case the same shape as the endpoints' own. It writes whatever the request
/// accepts: an error body is problem JSON or nothing.
/// </summary>
internal sealed partial class ApiProblemWriter(NodeApiOptions options, ILoggerFactory logs) : IProblemDetailsWriter
{
    private readonly ILogger _log = logs.CreateLogger("Fairshare.Server");

    /// <inheritdoc/>
    public bool CanWrite(ProblemDetailsContext context) => true;

    /// <inheritdoc/>
    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        int status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var request = http.Request;
        string code, detail;
        switch (context.Exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                (status, code, detail) = (StatusCodes.Status413PayloadTooLarge, "body_too_large", ApiMiddleware.TooLarge(http, options.MaxRequestBytes));
                break;
            case BadHttpRequestException bad:
                (status, code, detail) = (bad.StatusCode, bad.StatusCode == StatusCodes.Status400BadRequest ? "bad_request" : "http_" + bad.StatusCode, bad.Message);
                break;
            case { } error:
                LogUnexpected(_log, error, request.Method, request.Path);
                (status, code, detail) = (StatusCodes.Status500InternalServerError, "internal", "the node failed to answer this request; the error is in its log");
                break;
            default:
                (code, detail) = FromStatus(http, status);
                break;
        }

        return new ValueTask(ApiErrors.WriteAsync(http, status, code, detail));
    }

    /// <summary>The code and detail of a bare status an endpoint or routing set (status code pages).</summary>
    private static (string Code, string Detail) FromStatus(HttpContext context, int status)
    {
        var request = context.Request;
        return status switch
        {
            StatusCodes.Status404NotFound when context.GetEndpoint() is null =>
                ("unknown_route", $"no route {request.Method} {request.Path}; the routes are listed at /openapi/v1.json and /reference"),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", $"{request.Path} does not take {request.Method}; see /reference for its methods"),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", $"{request.Path} does not take a body of type '{request.ContentType}'"),
            StatusCodes.Status400BadRequest => ("bad_request", $"the route, query or body values of {request.Method} {request.Path} do not bind; see /reference"),
            StatusCodes.Status500InternalServerError => ("internal", "the node failed to answer this request; the error is in its log"),
            _ => ("http_" + status, $"the node answered {status} to {request.Method} {request.Path}"),
        };
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "unexpected error answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger log, Exception error, string method, string path);
}
