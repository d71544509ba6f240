using System.Numerics;
using System.Runtime.CompilerServices;

namespace Fairshare.Simulation.Randomness;

/// <summary>
/// Division of 64-bit numbers by a divisor fixed at run time, by a multiply-high and a shift instead of a hardware
/// divide (libdivide's unsigned 64-bit algorithm, Granlund–Montgomery): exact for every numerator. The RTT model
/// draws its recipient with <c>r mod (N − 1)</c> a thousand times per step, where the divide would dominate.
/// </summary>
internal readonly struct FastDivisor
{
    private readonly ulong _divisor;
    private readonly ulong _magic;
    private readonly int _shift;
    private readonly bool _add;

    /// <summary>Prepares division by <paramref name="divisor"/> (at least 1).</summary>
    public FastDivisor(ulong divisor)
    {
        ArgumentOutOfRangeException.ThrowIfZero(divisor);
        _divisor = divisor;
        int log = 63 - BitOperations.LeadingZeroCount(divisor);
        _shift = log;
        if (BitOperations.IsPow2(divisor)) return; // _magic = 0: a plain shift
        var numerator = UInt128.One << (64 + log);
        ulong proposed = (ulong)(numerator / divisor), remainder = (ulong)(numerator % divisor);
        if (divisor - remainder >= 1UL << log)
        {
            proposed += proposed;
            ulong twice = remainder + remainder;
            if (twice >= divisor || twice < remainder) proposed++;
            _add = true;
        }

        _magic = proposed + 1;
    }

    /// <summary>⌊<paramref name="n"/> / divisor⌋.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Quotient(ulong n)
    {
        if (_magic == 0) return n >> _shift;
        ulong q = Math.BigMul(_magic, n, out _);
        return _add ? (((n - q) >> 1) + q) >> _shift : q >> _shift;
    }

    /// <summary><paramref name="n"/> mod divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Remainder(ulong n) => n - Quotient(n) * _divisor;
}
