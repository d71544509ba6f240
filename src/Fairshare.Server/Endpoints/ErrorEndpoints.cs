using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary>
/// <c>GET /errors</c> and <c>GET /errors/{code}</c>: the problem types (<see cref="ApiErrorTypes"/>). Every error's
/// <c>type</c> is <c>/errors/{code}</c>, so resolved against the node's URL it leads here.
/// </summary>
internal static class ErrorEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/errors", () => Results.Ok(ApiErrorTypes.All))
            .WithName("ListErrorTypes").WithTags("errors")
            .WithSummary("Every problem type: code, status, title and when it happens (the SDK's own have status 0)")
            .Produces<IReadOnlyList<ApiErrorType>>();

        routes.MapGet(ApiErrorTypes.TypePrefix + "{code}", (string code) => ApiErrorTypes.Find(code) is { } type
                ? Results.Ok(type)
                : ApiErrors.NotFound("error_type_not_found", $"'{code}' is not an error code of this node; GET /errors lists all {ApiErrorTypes.All.Count}"))
            .WithName("GetErrorType").WithTags("errors")
            .WithSummary("One problem type: what an error's type URI names")
            .Produces<ApiErrorType>()
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);
    }
}
