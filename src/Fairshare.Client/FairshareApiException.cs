using Fairshare.Client.Dto;

namespace Fairshare.Client;

/// <summary>
/// A node answered with an error (its <see cref="ApiError"/>), or could not be reached at all (code
/// <c>unreachable</c>, status 0). Nothing the call asked for was done unless the error says otherwise.
/// </summary>
public sealed class FairshareApiException(ApiError error, Exception? inner = null) : Exception(error.Message, inner), ITransientNodeError
{
    /// <summary>The node's error.</summary>
    public ApiError Error { get; } = error;

    /// <summary>The stable error code.</summary>
    public string Code => Error.Code;

    /// <summary>The HTTP status, 0 when no answer came.</summary>
    public int Status => Error.Status;

    /// <summary>How long the node asked callers to wait before trying again (its <c>Retry-After</c> header), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc/>
    public bool IsTransient => NodeRetry.IsTransientCode(Code) || Status is 429 or 502 or 503 or 504;
}
