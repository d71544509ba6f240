namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// What a governable parameter's value counts, and so how it is read and shown (<see cref="GovernableParameter.Format"/>):
/// the one place the CLI, the API and the docs learn a parameter's unit. Values stay in base units on the chain and in
/// JSON; only the text changes.
/// </summary>
public enum ParameterUnit : byte
{
    /// <summary>An FSH amount in base units (<see cref="GovernableParameter.Decimals"/> 18): "0.0001 FSH", "1,000,000 FSH".</summary>
    Tokens = 0,

    /// <summary>A fixed-point fraction, 10^<see cref="GovernableParameter.Decimals"/> = 100 % (a lending mantissa, a StableSwap fee): "50 %".</summary>
    Fraction = 1,

    /// <summary>Basis points, 10,000 = 100 %: "25 %".</summary>
    BasisPoints = 2,

    /// <summary>Parts per million, 1,000,000 = 100 %: "10 %".</summary>
    PartsPerMillion = 3,

    /// <summary>A plain count (jobs, arbiters, matches, a factor): "1,000".</summary>
    Count = 4,

    /// <summary>A number of blocks: "40,320".</summary>
    Blocks = 5,

    /// <summary>A number of seconds: "86,400".</summary>
    Seconds = 6,

    /// <summary>A number of bytes: "67,108,864".</summary>
    Bytes = 7,

    /// <summary>0 or 1, shown as "off" or "on".</summary>
    Flag = 8,

    /// <summary>An enumeration, shown by name (<see cref="GovernableParameter.Choices"/>): "fair-share".</summary>
    Choice = 9,
}
