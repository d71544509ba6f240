namespace Fairshare.Client.Dto;

/// <summary>A validator's Ed25519 signature of a block header, both in lower-case hex.</summary>
public sealed record SignatureDto(string Validator, string Signature);
