namespace Fairshare.Core.Primitives;

/// <summary>
/// The units every module and view share: one FSH in base units, and the denominators of basis points and parts per
/// million. Defined once here; the exact products and quotients on them are <c>Checked.MulDiv</c>, <c>Checked.Bps</c>
/// and <c>Checked.Ppm</c> in <c>Fairshare.Core.Modules.Math</c>.
/// </summary>
public static class Units
{
    /// <summary>FSH and USDF carry 18 decimals.</summary>
    public const byte Decimals = 18;

    /// <summary>10,000 basis points make a whole.</summary>
    public const ushort BpsDenominator = 10_000;

    /// <summary>1,000,000 parts per million make a whole.</summary>
    public const uint PpmDenominator = 1_000_000;

    /// <summary>One FSH (or one USDF) in base units: 10^18.</summary>
    public static Amount OneFsh { get; } = Amount.Parse("1000000000000000000");

    /// <summary><paramref name="tokens"/> whole FSH in base units.</summary>
    public static Amount Fsh(ulong tokens) => OneFsh * new Amount(tokens);
}
