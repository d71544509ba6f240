namespace Fairshare.Client.Dto;

/// <summary>A fixed-point number with 18 decimals (10^18 is 1), written as decimal digits.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class MantissaAttribute()
    : DecimalIntegerAttribute("A fixed-point number with 18 decimals (10^18 means 1.0), as decimal digits: 0 to 2^256 - 1, no sign, no leading zeros.");
