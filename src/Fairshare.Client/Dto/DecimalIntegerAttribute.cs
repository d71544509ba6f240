namespace Fairshare.Client.Dto;

/// <summary>
/// Marks a DTO property whose text is a whole number from 0 to 2^256 - 1 in decimal digits (no sign, no leading zeros),
/// as the API writes every u256: the node's OpenAPI document types it as a string with <see cref="Pattern"/> and
/// <see cref="Description"/> (on a dictionary, its values). <see cref="BaseUnitsAttribute"/> and
/// <see cref="MantissaAttribute"/> are the usual meanings.
/// </summary>
/// <param name="description">What the number means.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public class DecimalIntegerAttribute(string description) : Attribute
{
    /// <summary>The pattern of the text: 0, or a digit 1–9 followed by at most 77 digits.</summary>
    public const string Pattern = "^(0|[1-9][0-9]{0,77})$";

    /// <summary>The most digits a u256 has (2^256 - 1 has 78).</summary>
    public const int MaxDigits = 78;

    /// <summary>What the number means.</summary>
    public string Description { get; } = description;
}
