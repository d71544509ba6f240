using System.Globalization;
using Fairshare.Core.Primitives;
using Microsoft.AspNetCore.Http;

namespace Fairshare.Server.Http;

/// <summary>Parses route and query values, turning bad ones into 400 answers with a stable code.</summary>
internal static class RouteValues
{
    public static bool TryAddress(string? text, out Address address, out IResult? error)
    {
        var problem = Address.TryParse(text, out address);
        error = problem == AddressParseError.None
            ? null
            : ApiErrors.BadRequest("bad_address", $"'{text}' is not an address ({problem}): expected fs1 followed by 48 hex digits");
        return error is null;
    }

    public static bool TryHash(string? text, out Hash32 hash, out IResult? error)
    {
        error = Hash32.TryParse(text, out hash)
            ? null
            : ApiErrors.BadRequest("bad_hash", $"'{text}' is not a hash: expected 64 lower-case hex digits");
        return error is null;
    }

    /// <summary>A height: decimal digits, or <c>latest</c> for <paramref name="latest"/>.</summary>
    public static bool TryHeight(string? text, ulong latest, out ulong height, out IResult? error)
    {
        height = 0;
        error = null;
        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase))
        {
            height = latest;
            return true;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out height)) return true;
        error = ApiErrors.BadRequest("bad_height", $"'{text}' is not a block height: expected a whole number or 'latest'");
        return false;
    }

    /// <summary>A flow tag by its name, ignoring case, dashes and underscores (<c>job-payment</c>, <c>JobPayment</c>).</summary>
    public static bool TryFlowTag(string text, out FlowTag tag)
    {
        var plain = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse(plain, ignoreCase: true, out tag) && Enum.IsDefined(tag) && !plain.All(char.IsAsciiDigit);
    }

    /// <summary>True for <c>application/json</c> (with any parameters) and <c>application/*+json</c>.</summary>
    public static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    public static IResult UnsupportedMediaType(string expected) =>
        ApiErrors.Result(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"send the body as {expected}");
}
