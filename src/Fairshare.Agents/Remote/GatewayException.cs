using Fairshare.Client;

namespace Fairshare.Agents.Remote;

/// <summary>
/// A node could not be reached or answered with an error: <see cref="Code"/> is the node's stable code (or
/// <c>unreachable</c>). Provider and client processes retry after it; nothing else should need to catch it.
/// </summary>
public sealed class GatewayException(string code, string message, Exception? inner = null) : Exception(message, inner), ITransientNodeError
{
    /// <summary>The stable error code.</summary>
    public string Code { get; } = code;

    /// <inheritdoc/>
    public bool IsTransient => InnerException is ITransientNodeError inner ? inner.IsTransient : NodeRetry.IsTransientCode(Code);

    /// <inheritdoc/>
    public TimeSpan? RetryAfter => (InnerException as ITransientNodeError)?.RetryAfter;
}
