namespace Fairshare.Client.Dto;

/// <summary>
/// <c>POST /v1/internal/signatures</c>: a validator's signature of the committed header at <paramref name="Height"/>,
/// sent by that validator to the other members.
/// </summary>
public sealed record SignatureSubmission(ulong Height, SignatureDto Signature);
