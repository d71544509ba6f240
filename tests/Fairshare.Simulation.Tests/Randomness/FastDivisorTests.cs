using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fairshare.Simulation.Randomness;

namespace Fairshare.Simulation.Tests.Randomness;

public sealed class FastDivisorTests
{
    [Property(MaxTest = 2000)]
    public bool Remainder_EqualsTheHardwareModulo(ulong n, ulong d)
    {
        d = d == 0 ? 1 : d;
        var divisor = new FastDivisor(d);
        return divisor.Remainder(n) == n % d && divisor.Quotient(n) == n / d;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(7UL)]
    [InlineData(9UL)]
    [InlineData(999UL)]
    [InlineData(1UL << 40)]
    [InlineData(ulong.MaxValue)]
    [InlineData(ulong.MaxValue - 1)]
    [InlineData((1UL << 63) + 1)]
    public void Remainder_IsExact_AtTheEdges(ulong d)
    {
        var divisor = new FastDivisor(d);
        var rng = new SplitMix64(d);
        ulong[] edges = [0, 1, d - 1, d, d + 1, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63];
        foreach (ulong n in edges.Concat(Enumerable.Range(0, 1000).Select(_ => rng.Next())))
        {
            Assert.Equal(n % d, divisor.Remainder(n));
            Assert.Equal(n / d, divisor.Quotient(n));
        }
    }

    [Fact]
    public void SmallDivisors_AgreeOnEveryRemainderPattern()
    {
        var rng = new SplitMix64(5);
        for (ulong d = 1; d <= 3000; d++)
        {
            var divisor = new FastDivisor(d);
            for (int i = 0; i < 50; i++)
            {
                ulong n = rng.Next();
                Assert.Equal(n % d, divisor.Remainder(n));
            }
        }
    }
}
