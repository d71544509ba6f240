namespace Fairshare.Client.Dto;

/// <summary>The outcome of each submitted transaction, in the order sent.</summary>
public sealed record SubmitResponse(IReadOnlyList<TxOutcome> Results);
