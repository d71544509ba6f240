namespace Fairshare.Simulation.Randomness;

/// <summary>
/// The SplitMix64 generator (the RTT-1000 model's PRNG, research note §3.1): a 64-bit state advanced by the golden
/// gamma and mixed. Every simulated decision draws from one of these, seeded from the run, so runs are reproducible.
/// A mutable struct on purpose: keep it in a field or a local and pass it by ref.
/// </summary>
public struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>Creates a generator whose first draw advances <paramref name="state"/> once.</summary>
    public SplitMix64(ulong state) => State = state;

    /// <summary>The current state (the model's <c>rng</c> value).</summary>
    public ulong State { get; private set; }

    /// <summary>The next 64-bit output.</summary>
    public ulong Next()
    {
        State += Gamma;
        ulong z = State;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A draw in [0, <paramref name="bound"/>) by plain modulo (the RTT convention; bias is below 2^-40 for small bounds).</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        return Next() % bound;
    }

    /// <summary>A draw in [0, 1) from the top 53 bits (for agents' behaviour, never for ledger math).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A generator for a sub-stream (an agent, a run) that does not overlap this one in practice.</summary>
    public static SplitMix64 Derive(ulong seed, ulong stream)
    {
        var mixer = new SplitMix64(seed ^ (stream * 0xD1B54A32D192ED03));
        return new SplitMix64(mixer.Next());
    }
}
