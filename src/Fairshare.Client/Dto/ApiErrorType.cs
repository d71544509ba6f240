namespace Fairshare.Client.Dto;

/// <summary>
/// One problem type of the API (<c>GET /errors/{code}</c>): its stable <paramref name="Code"/>, the status a node answers
/// it with (0 for the SDK's own errors, made when no usable answer came), the <paramref name="Title"/> every occurrence
/// carries and a <paramref name="Description"/> of when it happens and what to do.
/// </summary>
public sealed record ApiErrorType(string Code, int Status, string Title, string Description)
{
    /// <summary>The problem's <c>type</c> URI reference: <c>/errors/{code}</c>.</summary>
    public string Type => ApiErrorTypes.TypePrefix + Code;
}
