namespace Fairshare.Compute.Hardware;

/// <summary>What <c>/proc/cpuinfo</c> says about the CPU.</summary>
/// <param name="Model">The first <c>model name</c>, or <c>unknown</c>.</param>
/// <param name="LogicalCores">The number of <c>processor</c> entries (0 when there are none).</param>
/// <param name="Avx2">Whether the first processor's flags include <c>avx2</c>.</param>
/// <param name="Avx512">Whether the first processor's flags include <c>avx512f</c> (the AVX-512 foundation).</param>
public sealed record CpuInfo(string Model, int LogicalCores, bool Avx2, bool Avx512);
