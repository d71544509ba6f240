using Fairshare.Client.Dto;
using Microsoft.AspNetCore.Http;

namespace Fairshare.Server.Http;

/// <summary>
/// Every error the API answers with: an <see cref="ApiError"/> as <c>application/problem+json</c> with a stable code.
/// The codes are listed in docs/api.md.
/// </summary>
internal static class ApiErrors
{
    /// <summary>The content type of error bodies.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>An error answer.</summary>
    public static IResult Result(int status, string code, string message, TimeSpan? retryAfter = null) =>
        new ErrorResult(new ApiError(code, message, status), retryAfter);

    /// <summary>400 with a code.</summary>
    public static IResult BadRequest(string code, string message) => Result(StatusCodes.Status400BadRequest, code, message);

    /// <summary>404 with a code.</summary>
    public static IResult NotFound(string code, string message) => Result(StatusCodes.Status404NotFound, code, message);

    /// <summary>503 with a code and a Retry-After of one second.</summary>
    public static IResult Unavailable(string code, string message) =>
        Result(StatusCodes.Status503ServiceUnavailable, code, message, TimeSpan.FromSeconds(1));

    /// <summary>Writes an error straight to a response that has not started.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message, TimeSpan? retryAfter = null) =>
        new ErrorResult(new ApiError(code, message, status), retryAfter).ExecuteAsync(context);

    private sealed class ErrorResult(ApiError error, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = error.Status;
            if (retryAfter is { } wait)
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response.WriteAsJsonAsync(error, Client.FairshareClient.Json, ContentType, httpContext.RequestAborted);
        }
    }
}
