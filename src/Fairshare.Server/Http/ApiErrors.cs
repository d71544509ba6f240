using System.Globalization;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Fairshare.Server.Http;

/// <summary>
/// The one place the API's errors are made and written: RFC 9457 problem details (<see cref="ApiError"/> as
/// <c>application/problem+json</c>) whose type and title follow from the stable code (<see cref="ApiErrorTypes"/>),
/// with the detail given, the request's path as instance, and the code as an extension member. Endpoints return
/// <see cref="Result"/>; the rate limiter, the body limit and <see cref="ApiProblemWriter"/> (the framework's own
/// errors: unknown routes, 405, 415, bad requests, exceptions) write through <see cref="WriteAsync"/>. The codes are
/// listed in docs/api.md.
/// </summary>
internal static class ApiErrors
{
    /// <summary>The content type of error bodies.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>An error answer.</summary>
    public static IResult Result(int status, string code, string detail, TimeSpan? retryAfter = null) =>
        new ErrorResult(status, code, detail, null, retryAfter);

    /// <summary>400 with a code.</summary>
    public static IResult BadRequest(string code, string detail) => Result(StatusCodes.Status400BadRequest, code, detail);

    /// <summary>404 with a code.</summary>
    public static IResult NotFound(string code, string detail) => Result(StatusCodes.Status404NotFound, code, detail);

    /// <summary>503 with a code and a Retry-After of one second.</summary>
    public static IResult Unavailable(string code, string detail) =>
        Result(StatusCodes.Status503ServiceUnavailable, code, detail, TimeSpan.FromSeconds(1));

    /// <summary>Another node's error passed on as it came: its status, code, title and detail (the instance is ours).</summary>
    public static IResult Relay(ApiError error, TimeSpan? retryAfter) =>
        new ErrorResult(error.Status, error.Code, error.Detail, error.Title, retryAfter);

    /// <summary>
    /// Writes an error straight to a response that has not started; <paramref name="title"/> is used only for a code
    /// outside the catalog (else the status's reason phrase).
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string detail, TimeSpan? retryAfter = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var error = ApiError.Of(code, detail, status, request.PathBase.Add(request.Path).ToUriComponent(), title ?? ReasonPhrases.GetReasonPhrase(status));
        var response = context.Response;
        response.StatusCode = status;
        if (retryAfter is { } wait)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return response.WriteAsJsonAsync(error, FairshareClient.Json, ContentType, context.RequestAborted);
    }

    private sealed class ErrorResult(int status, string code, string detail, string? title, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, code, detail, retryAfter, title);
    }
}
