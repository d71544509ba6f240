using System.Runtime.CompilerServices;
using Fairshare.Simulation.Randomness;

namespace Fairshare.Simulation.Rtt;

/// <summary>
/// The state of one RTT run (research note §3.1) and its timestep: every agent, in order, sends a random 0–10 % of
/// the balance it held at the start of the step to a random other agent; all deltas land together at the end of the
/// step. Integer arithmetic only; two arrays, no allocation per step.
/// </summary>
public sealed class RttSimulation
{
    private readonly long[] _balances;
    private readonly long[] _deltas;
    private readonly ulong _others;
    private SplitMix64 _rng;

    /// <summary>Starts a run: <paramref name="agents"/> agents with <paramref name="initialBalance"/> each, the
    /// generator state at <paramref name="seed"/> (the note's <c>0x5EED0000 + run</c>).</summary>
    public RttSimulation(int agents, long initialBalance, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(initialBalance);
        _balances = new long[agents];
        _deltas = new long[agents];
        Array.Fill(_balances, initialBalance);
        _others = (ulong)(agents - 1);
        _rng = new SplitMix64(seed);
    }

    /// <summary>The balances array itself, for measuring without a copy.</summary>
    internal long[] BalanceArray => _balances;

    /// <summary>The balances now.</summary>
    public ReadOnlySpan<long> Balances => _balances;

    /// <summary>Tokens sent so far, over all steps.</summary>
    public long Volume { get; private set; }

    /// <summary>The generator's state (the note's <c>rng</c>).</summary>
    public ulong RngState => _rng.State;

    /// <summary>Timesteps done.</summary>
    public int StepsDone { get; private set; }

    /// <summary>One timestep: the policy over the balances at its start, then the simultaneous update.</summary>
    public void Step()
    {
        long[] balances = _balances, deltas = _deltas;
        long volume = 0;
        for (int i = 0; i < balances.Length; i++)
        {
            long amount = NextTransfer(ref _rng, i, balances[i], _others, out int recipient);
            deltas[i] -= amount;
            deltas[recipient] += amount;
            volume += amount;
        }

        for (int i = 0; i < balances.Length; i++)
        {
            balances[i] += deltas[i];
            deltas[i] = 0;
        }

        Volume += volume;
        StepsDone++;
    }

    /// <summary>The FNV-1a-64 of the balances now.</summary>
    public ulong Hash() => BalanceHash.Fnv1a64(_balances);

    /// <summary>
    /// One agent's draw: r1 picks the recipient among the <paramref name="others"/> other agents (skipping the sender),
    /// r2 the percentage 0–10; returns floor(balance · k / 100).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long NextTransfer(ref SplitMix64 rng, int sender, long balance, ulong others, out int recipient)
    {
        int j = (int)(rng.Next() % others);
        // j + 1 when j ≥ sender, without a branch: the comparison is a coin toss, and a mispredicted branch per
        // transfer cost more than everything else in the step (measured: twice as fast without it).
        recipient = j + (int)((uint)(sender - j - 1) >> 31);
        ulong percent = rng.Next() % 11;
        return (long)((ulong)balance * percent / 100); // balance ≥ 0
    }
}
