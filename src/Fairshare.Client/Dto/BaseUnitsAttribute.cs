namespace Fairshare.Client.Dto;

/// <summary>An amount in base units of its asset (1 FSH = 10^18), written as decimal digits.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class BaseUnitsAttribute()
    : DecimalIntegerAttribute("An amount in base units of its asset (1 FSH = 10^18 base units), as decimal digits: 0 to 2^256 - 1, no sign, no leading zeros.");
