namespace Fairshare.Client.Dto;

/// <summary>
/// A parameter change a proposal makes: the governance name (e.g. <c>amm.protocol-fee-on</c>), the raw value (base
/// units), and, for a known parameter, its unit (<c>tokens</c>, <c>fraction</c>, <c>basis-points</c>, …) and the value
/// as people read it ("50 %", "fair-share", "0.5 FSH").
/// </summary>
public sealed record GovActionDto(
    string Parameter,
    [property: DecimalInteger("The parameter's new value in its own unit (unit says which; text is how people read it), as decimal digits.")] string Value,
    string? Unit = null,
    string? Text = null);
