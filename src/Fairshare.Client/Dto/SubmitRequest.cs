namespace Fairshare.Client.Dto;

/// <summary>
/// <c>POST /v1/transactions</c>: signed transactions, each the base64 of its canonical encoding. With
/// <paramref name="Wait"/> the call returns once every transaction is committed by the cluster or refused.
/// </summary>
public sealed record SubmitRequest(IReadOnlyList<string> Transactions, bool Wait = true);
