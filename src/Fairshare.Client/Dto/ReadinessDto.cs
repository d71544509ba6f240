namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /health/ready</c> (and <c>/health/live</c>, which sets only <see cref="Status"/>): <c>ready</c>, or
/// <c>not_ready</c> with a <see cref="Reason"/> (<c>no_leader</c>, <c>catching_up</c>, <c>check_failed</c>) and a
/// sentence for people; the committed height, the node's Raft role and term, and its index lag when it knows it.
/// </summary>
public sealed record ReadinessDto(string Status, string? Reason = null, string? Message = null, ulong? Height = null, string? Role = null, long? Term = null, long? IndexLag = null);
