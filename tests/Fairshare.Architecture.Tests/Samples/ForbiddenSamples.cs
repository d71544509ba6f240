#pragma warning disable CA1822 // samples are instance methods on purpose: they are scanned, never called
namespace Fairshare.Architecture.Tests.Samples.Forbidden;

// Each class breaks one Core rule; the scanner must report each.
internal sealed class UsesClock
{
    public long Now() => DateTime.UtcNow.Ticks;
}

internal sealed class UsesRandomness
{
    public int Roll() => new Random(1).Next();
}

internal sealed class UsesFiles
{
    public string Read() => File.ReadAllText("/dev/null");
}

internal sealed class UsesTasks
{
    public Task<int> Later() => Task.Run(() => 1);
}

internal sealed class UsesFloatOpcodes
{
    public int Halve(int x)
    {
        var y = x * 0.5;
        return (int)y;
    }
}

internal sealed class UsesFloatField
{
    private readonly float _ratio = 1;

    public int Scaled(int x) => (int)(x * _ratio);
}

internal sealed class UsesDecimal
{
    public decimal Price() => 1m;
}
