namespace Fairshare.Server.Tests.Support;

/// <summary>
/// Test classes that read exact figures at <c>/metrics</c>: OpenTelemetry listens to every meter of a name in the
/// process, so these run after the parallel classes, one at a time, while no other node of this process is running.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoleNodeCollection
{
    public const string Name = "one node in the process";
}
