using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy;

/// <summary>Conversions between the agents' doubles and the ledger's exact base units (18 decimals).</summary>
internal static class TokenUnits
{
    private static readonly BigInteger Micro = BigInteger.Pow(10, 12);

    /// <summary>An exact non-negative integer below 2^256 as an amount.</summary>
    public static Amount Exact(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new InvalidOperationException($"{value} is not an amount");
    private const double Wad = 1e18;

    /// <summary>A non-negative amount of whole tokens, to the micro-token, in base units.</summary>
    public static Amount Tokens(double tokens) =>
        tokens <= 0 ? Amount.Zero : Exact(new BigInteger(Math.Floor(tokens * 1e6)) * Micro);

    /// <summary>Base units as whole tokens (for agents' decisions and reports only).</summary>
    public static double ToTokens(in Amount amount) => (double)amount.ToBigInteger() / Wad;

    /// <summary>Base units as whole tokens (for agents' decisions and reports only).</summary>
    public static double ToTokens(BigInteger amount) => (double)amount / Wad;

    /// <summary>A share of an amount, rounded down (shares in [0, 1]).</summary>
    public static Amount Share(in Amount amount, double share) =>
        share <= 0 ? Amount.Zero : Exact(amount.ToBigInteger() * (long)Math.Floor(Math.Min(share, 1) * 1_000_000) / 1_000_000);
}
