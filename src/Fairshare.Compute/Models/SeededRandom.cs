namespace Fairshare.Compute.Models;

/// <summary>
/// SplitMix64: a tiny generator whose output depends only on the seed (never on the .NET version, unlike
/// <see cref="Random"/>'s unspecified algorithm), so generated weights — and the models' content addresses — are
/// the same everywhere.
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A float drawn uniformly from [-<paramref name="scale"/>, <paramref name="scale"/>), exact in binary32.</summary>
    public float NextSymmetric(float scale) => ((NextUInt64() >> 40) / (float)(1 << 24) * 2f - 1f) * scale;

    /// <summary>An array of <paramref name="count"/> draws from <see cref="NextSymmetric"/>.</summary>
    public float[] NextArray(int count, float scale)
    {
        var values = new float[count];
        for (int i = 0; i < values.Length; i++) values[i] = NextSymmetric(scale);
        return values;
    }
}
