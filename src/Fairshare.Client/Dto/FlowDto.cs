namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/flows</c>: one flow-tagged movement of value and where it happened (<paramref name="TxId"/> is all zeros
/// for the end-of-block receipt). <paramref name="Tag"/> is a <c>FlowTag</c> name; <paramref name="Amount"/> is in base
/// units as a decimal string.
/// </summary>
public sealed record FlowDto(ulong Height, ulong TimestampMs, string TxId, string Tag, uint Asset, string From, string To, [property: BaseUnits] string Amount);
