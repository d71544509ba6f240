namespace Fairshare.Agents.Demo;

/// <summary>Where a demo run is: the stage, and within a policy's run the jobs ended out of those planned.</summary>
/// <param name="Stage">What is running (e.g. "lowest-price").</param>
/// <param name="Done">Jobs ended so far.</param>
/// <param name="Total">Jobs planned.</param>
/// <param name="Height">The chain's height.</param>
public sealed record DemoProgress(string Stage, int Done, int Total, ulong Height);
