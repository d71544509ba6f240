namespace Fairshare.Client.Dto;

/// <summary><c>GET /v1/accounts/{address}</c>: balances by asset symbol, in base units as decimal strings.</summary>
public sealed record AccountDto(string Address, ulong Height, ulong Nonce, string Cohort, [property: BaseUnits] IReadOnlyDictionary<string, string> Balances);
