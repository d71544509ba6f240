namespace Fairshare.Server.Http;

/// <summary>Endpoint metadata: the largest body the endpoint reads, in bytes (others get the API's request limit).</summary>
internal sealed record BodyLimit(long Bytes);
