using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Waterfall;

/// <summary>Everything that flowed from one group to another with one tag: base units and number of events.</summary>
/// <param name="From">The source group ("mint/burn" for mints).</param>
/// <param name="Tag">What the flows were for.</param>
/// <param name="To">The destination group ("mint/burn" for burns).</param>
/// <param name="Amount">Base units.</param>
/// <param name="Flows">Events.</param>
public sealed record FlowEdge(string From, FlowTag Tag, string To, BigInteger Amount, long Flows);
