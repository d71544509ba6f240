namespace Fairshare.Client.Dto;

/// <summary>A parameter change a proposal makes: the governance name (e.g. <c>amm.protocol-fee-on</c>) and the value.</summary>
public sealed record GovActionDto(string Parameter, string Value);
