namespace Fairshare.Client.Dto;

/// <summary><c>GET /v1/blocks/{height}</c>: a block's header, its transaction ids and the validators' signatures known to the node.</summary>
public sealed record BlockDto(
    ulong Height,
    string Hash,
    string PreviousHash,
    ulong TimestampMs,
    string TransactionRoot,
    string StateRoot,
    string ReceiptsRoot,
    string Proposer,
    IReadOnlyList<string> Transactions,
    IReadOnlyList<SignatureDto> Signatures);
