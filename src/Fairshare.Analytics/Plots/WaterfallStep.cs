namespace Fairshare.Analytics.Plots;

/// <summary>One bar of a waterfall chart.</summary>
/// <param name="Label">What the step is (a flow tag, a cohort, "escrow").</param>
/// <param name="Value">The step's size: positive adds, negative takes away; a total bar shows the running total.</param>
/// <param name="IsTotal">Whether the bar is a total standing on zero rather than a step from the running total.</param>
public sealed record WaterfallStep(string Label, double Value, bool IsTotal = false);
