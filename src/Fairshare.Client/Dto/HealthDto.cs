namespace Fairshare.Client.Dto;

/// <summary><c>GET /health</c>: <c>ok</c> and the committed height.</summary>
public sealed record HealthDto(string Status, ulong Height);
