namespace Fairshare.Architecture.Tests.Samples.Bench;

/// <summary>
/// A benchmark planted where the rule must find it (a type in a <c>Bench</c> namespace, as the benchmarks were in the
/// CLI, Node and the agents before they moved to bench/). Nothing calls it.
/// </summary>
internal static class PlantedBenchmark
{
    public static int Measure() => 0;
}
