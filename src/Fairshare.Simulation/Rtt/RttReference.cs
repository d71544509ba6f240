using System.Collections.Immutable;

namespace Fairshare.Simulation.Rtt;

/// <summary>The research note's RTT figures (simulation-and-metrics.md §3.2, §3.3) that runs and benchmarks are checked against.</summary>
public static class RttReference
{
    /// <summary>The seed base: run r starts its generator at <c>0x5EED0000 + r</c>.</summary>
    public const ulong SeedBase = 0x5EED0000;

    /// <summary>RTT-1000's final-balance FNV-1a-64 hashes, runs 1–10 (identical in plain Python, radCAD and cadCAD).</summary>
    public static ImmutableArray<string> Rtt1000Hashes { get; } =
    [
        "7df08590875e075c", "2548fa1044ae2e5b", "0cdb48c073f552f1", "659ff0cc9856e9aa", "52e25188f1e11f30",
        "c0f2f840185f74d5", "d98b5572c41aab99", "69e1ba941336aa46", "6dcea8c97350bb78", "6cd111d15c124d18",
    ];

    /// <summary>RTT-1000, 10 runs, radCAD single-process without deepcopy: median wall seconds on the note's machine.</summary>
    public const double RadCadSeconds = 9.57;

    /// <summary>RTT-1000, 10 runs, the plain Python loop without history: median wall seconds on the note's machine.</summary>
    public const double PlainPythonSeconds = 8.61;

    /// <summary>The speed-up over radCAD the simulator aims for.</summary>
    public const double GoalSpeedUp = 100;
}
