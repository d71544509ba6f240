namespace Fairshare.Compute.Tests;

/// <summary>Seeded test inputs.</summary>
internal static class TestData
{
    /// <summary><paramref name="count"/> floats uniform in [-1, 1) from a seeded generator.</summary>
    public static float[] Floats(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
