namespace Fairshare.Client.Dto;

/// <summary><c>PUT /v1/blobs</c>: the stored content's SHA-256 address (lower-case hex).</summary>
public sealed record BlobStored(string Address);
