namespace Fairshare.Client.Dto;

/// <summary>
/// The body of every 4xx/5xx answer (<c>application/problem+json</c>): a stable machine code (snake_case, or a
/// <c>ResultCode</c> name) and a sentence that says what to do.
/// </summary>
public sealed record ApiError(string Code, string Message, int Status);
