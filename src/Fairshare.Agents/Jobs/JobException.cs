namespace Fairshare.Agents.Jobs;

/// <summary>
/// A job could not be quoted, submitted or fetched for a reason the person can fix: a model or input that does not fit,
/// a price below every offer, an unknown job. <see cref="Code"/> is stable and machine-readable (<see cref="JobErrors"/>);
/// the message says what is wrong and what to do. Nothing was uploaded, locked or sent when it is thrown before
/// submission.
/// </summary>
public sealed class JobException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The stable code, e.g. <c>input_dtype</c>.</summary>
    public string Code { get; } = code;
}
