namespace Fairshare.Node.Chain;

/// <summary>
/// An expected failure at the I/O edge (missing data directory, corrupt file) whose message is safe and useful to
/// show to a person: one line saying what is wrong and what to do.
/// </summary>
public sealed class UserFacingException(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable code such as <c>not_initialized</c>.</summary>
    public string Code { get; } = code;
}
