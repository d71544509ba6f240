using Fairshare.Core.Crypto;
using Fairshare.Core.Primitives;
using Fairshare.Simulation.Randomness;

namespace Fairshare.Simulation.Economy;

/// <summary>One simulated actor: a development key and its own random stream, derived from the run's seed.</summary>
internal abstract class EconomyAgent
{
    private SplitMix64 _random;

    protected EconomyAgent(string name, ulong seed, ulong stream)
    {
        Name = name;
        Key = KeyPair.ForDevelopment($"economy/{name}");
        _random = SplitMix64.Derive(seed, stream);
    }

    /// <summary>The agent's name (its key's development name).</summary>
    public string Name { get; }

    /// <summary>Its key.</summary>
    public KeyPair Key { get; }

    /// <summary>Its address.</summary>
    public Address Address => Key.Address;

    /// <summary>Queues what it does in the block being built.</summary>
    public abstract void Act(EconomyWorld world);

    /// <summary>A draw in [0, 1).</summary>
    protected double Uniform() => _random.NextDouble();

    /// <summary>A 32-byte random value (salts, seals).</summary>
    protected Hash32 RandomHash()
    {
        Span<byte> bytes = stackalloc byte[Hash32.Size];
        for (int i = 0; i < Hash32.Size; i += 8) BitConverter.TryWriteBytes(bytes[i..], _random.Next());
        return Hash32.Read(bytes);
    }

    /// <summary>A whole number of events with mean <paramref name="mean"/>: its whole part plus one with the fraction's chance.</summary>
    protected int Count(double mean)
    {
        if (mean <= 0) return 0;
        int whole = (int)Math.Floor(mean);
        return whole + (Uniform() < mean - whole ? 1 : 0);
    }
}
