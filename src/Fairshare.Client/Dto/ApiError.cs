using System.Text.Json.Serialization;

namespace Fairshare.Client.Dto;

/// <summary>
/// The body of every 4xx/5xx answer: RFC 9457 problem details (<c>application/problem+json</c>) with the stable machine
/// code as an extension member. <paramref name="Type"/> and <paramref name="Title"/> follow from the code
/// (<see cref="ApiErrorTypes"/>): the same every time; <paramref name="Detail"/> is this occurrence in words, with its
/// numbers. The SDK also makes errors of this shape itself (status 0: no answer came, e.g. <c>unreachable</c>).
/// </summary>
/// <param name="Type">A URI reference that names the problem: <c>/errors/{code}</c>, which every node answers with the
/// code's description (resolve it against the node's URL); <c>about:blank</c> for a code outside the catalog, whose
/// meaning is the status alone.</param>
/// <param name="Title">A short summary of the problem type, the same for every occurrence of the code.</param>
/// <param name="Status">The HTTP status the node answered with; 0 when no answer came.</param>
/// <param name="Detail">What went wrong this time and what to do, with the values involved.</param>
/// <param name="Code">The stable machine code (snake_case), as before problem details: callers branch on it.</param>
/// <param name="Instance">The path of the request that failed, when a node answered.</param>
public sealed record ApiError(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance = null)
{
    /// <summary>
    /// An error of <paramref name="code"/>: its type and title from the catalog (<see cref="ApiErrorTypes"/>), or
    /// <c>about:blank</c> and <paramref name="title"/> (else <c>HTTP {status}</c>) for a code the catalog lacks.
    /// </summary>
    public static ApiError Of(string code, string detail, int status, string? instance = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        var known = ApiErrorTypes.Find(code);
        return new ApiError(
            known?.Type ?? ApiErrorTypes.Blank,
            known?.Title ?? title ?? "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            status,
            detail,
            code,
            instance);
    }
}
