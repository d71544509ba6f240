namespace Fairshare.Architecture.Tests.Samples;

// Each class breaks one Core rule on purpose. LayerTests scans this namespace of the test assembly (nothing here is
// ever called) to prove that the scanner reports every kind of violation, so a clean Core scan means something.

/// <summary>Clock: DateTime.UtcNow.</summary>
internal static class UsesClock
{
    public static long Ticks() => DateTime.UtcNow.Ticks;
}

/// <summary>Randomness: System.Random.</summary>
internal static class UsesRandomness
{
    public static int Roll(int seed) => new Random(seed).Next(6);
}

/// <summary>Randomness through a banned member of an allowed type: Guid.NewGuid.</summary>
internal static class UsesNewGuid
{
    public static Guid Fresh() => Guid.NewGuid();
}

/// <summary>I/O: File.ReadAllText.</summary>
internal static class UsesFiles
{
    public static string Read(string path) => File.ReadAllText(path);
}

/// <summary>Threads: Task.Run.</summary>
internal static class UsesTasks
{
    public static Task<int> Later(int x) => Task.Run(() => x + 1);
}

/// <summary>Floating point that never names System.Double: an int converted to a double local (conv.r8, ldc.r8).</summary>
internal static class UsesFloatOpcodes
{
    public static int Halve(int x)
    {
        double half = x / 2.0;
        return (int)half;
    }
}

/// <summary>Floating point in a field signature.</summary>
internal static class UsesFloatField
{
    private static float s_scale = 1.5f;

    public static int Scale(int x)
    {
        s_scale += 1;
        return (int)(x * s_scale);
    }
}

/// <summary>Floating point (decimal) in a method's return type.</summary>
internal static class UsesDecimal
{
    public static decimal Price(int cents) => cents / 100m;
}
