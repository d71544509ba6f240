using Fairshare.Client.Dto;

namespace Fairshare.Cli.Chain;

/// <summary>
/// What became of one submitted transaction: committed in block <paramref name="Height"/> with its events, or refused
/// (<paramref name="Height"/> null) with <paramref name="Code"/>, a <c>ResultCode</c> name or <c>Pending</c>.
/// </summary>
public sealed record ChainSubmission(string Code, ulong? Height, IReadOnlyList<EventDto> Events)
{
    /// <summary>True when the transaction is in a committed block.</summary>
    public bool IsCommitted => Height is not null;
}
