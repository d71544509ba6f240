using Fairshare.Client.Dto;

namespace Fairshare.Client;

/// <summary>
/// A node answered with an error (its RFC 9457 problem details, <see cref="ApiError"/>), or could not be reached at all
/// (code <c>unreachable</c>, status 0). The exception's message is the problem's <see cref="Detail"/>. Nothing the call
/// asked for was done unless the error says otherwise.
/// </summary>
public sealed class FairshareApiException(ApiError error, Exception? inner = null) : Exception(error.Detail, inner), ITransientNodeError
{
    /// <summary>The problem details, as the node sent them (or as the SDK made them when no usable answer came).</summary>
    public ApiError Error { get; } = error;

    /// <summary>The stable error code (the problem's <c>code</c> member).</summary>
    public string Code => Error.Code;

    /// <summary>The problem type: <c>/errors/{code}</c> (relative to the node's URL), or <c>about:blank</c>.</summary>
    public string Type => Error.Type;

    /// <summary>The problem type's short summary, the same for every occurrence of <see cref="Code"/>.</summary>
    public string Title => Error.Title;

    /// <summary>This occurrence in words, with the values involved.</summary>
    public string Detail => Error.Detail;

    /// <summary>The path of the request that failed, when the node said.</summary>
    public string? Instance => Error.Instance;

    /// <summary>The HTTP status, 0 when no answer came.</summary>
    public int Status => Error.Status;

    /// <summary>How long the node asked callers to wait before trying again (its <c>Retry-After</c> header), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc/>
    public bool IsTransient => NodeRetry.IsTransientCode(Code) || Status is 429 or 502 or 503 or 504;
}
