using System.Numerics;
using BenchmarkDotNet.Attributes;
using Fairshare.Core.Primitives;

namespace Fairshare.Benchmarks;

/// <summary>Checked 256-bit arithmetic of <see cref="Amount"/> beside BigInteger doing the same with a range check.</summary>
[MemoryDiagnoser]
public class AmountBenchmarks
{
    private readonly Amount _a = Amount.Parse("123456789012345678901234567890");
    private readonly Amount _b = Amount.Parse("987654321098765432109876543210");
    private readonly BigInteger _x = BigInteger.Parse("123456789012345678901234567890");
    private readonly BigInteger _y = BigInteger.Parse("987654321098765432109876543210");
    private static readonly BigInteger Limit = BigInteger.One << 256;

    [Benchmark(Baseline = true)]
    public bool BigIntegerAddChecked() => _x + _y < Limit;

    [Benchmark]
    public bool AmountTryAdd() => Amount.TryAdd(_a, _b, out _);

    [Benchmark]
    public bool BigIntegerMulChecked() => _x * _y < Limit;

    [Benchmark]
    public bool AmountTryMul() => Amount.TryMul(_a, _b, out _);
}
