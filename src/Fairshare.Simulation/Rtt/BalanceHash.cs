using System.Globalization;

namespace Fairshare.Simulation.Rtt;

/// <summary>The RTT fingerprint (research note §3.1): FNV-1a-64 over the ASCII text of the balances joined by ','.</summary>
public static class BalanceHash
{
    private const ulong Offset = 0xcbf29ce484222325;
    private const ulong Prime = 0x100000001b3;

    /// <summary>The FNV-1a-64 of "b0,b1,…,bn-1" (decimal, no spaces), without building the string.</summary>
    public static ulong Fnv1a64(ReadOnlySpan<long> balances)
    {
        ulong hash = Offset;
        Span<byte> digits = stackalloc byte[20];
        for (int i = 0; i < balances.Length; i++)
        {
            if (i > 0) hash = (hash ^ (byte)',') * Prime;
            balances[i].TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
            foreach (byte b in digits[..written]) hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <summary>The hash as 16 lowercase hex digits, as the note prints it.</summary>
    public static string ToHex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);
}
