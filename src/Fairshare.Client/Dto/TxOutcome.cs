namespace Fairshare.Client.Dto;

/// <summary>
/// One transaction's fate. <paramref name="Code"/> is a <c>ResultCode</c> name: <c>Ok</c> once committed in block
/// <paramref name="Height"/> (with its events); <c>Pending</c> when accepted but not yet committed (the caller asked not
/// to wait, or the wait timed out: look it up later with <c>GET /v1/transactions/{id}</c>); any other name is a refusal
/// that changed nothing.
/// </summary>
public sealed record TxOutcome(string TxId, string Code, ulong? Height, IReadOnlyList<EventDto>? Events)
{
    /// <summary>The code of an accepted but not yet committed transaction.</summary>
    public const string Pending = "Pending";

    /// <summary>True when the transaction is in a committed block.</summary>
    public bool IsCommitted => Code == "Ok" && Height is not null;
}
