using System.Numerics;

namespace Fairshare.Analytics.Waterfall;

/// <summary>One step of a job's waterfall: what it is, who got it, and how much (base units).</summary>
/// <param name="Kind">"provider", "arbiter", "protocol fee → treasury", "burned", "refund", "still in escrow", "slashed", "arbiter (from slashed stake)".</param>
/// <param name="Party">The receiving (or slashed) account's label, or empty.</param>
/// <param name="Amount">Base units.</param>
public sealed record JobWaterfallStep(string Kind, string Party, BigInteger Amount);
