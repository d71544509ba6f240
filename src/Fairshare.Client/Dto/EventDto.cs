namespace Fairshare.Client.Dto;

/// <summary>A flow-tagged movement of value: <paramref name="Amount"/> in base units as a decimal string.</summary>
public sealed record EventDto(string Tag, uint Asset, string From, string To, string Amount);
