using System.Collections.Immutable;

namespace Fairshare.Conformance.Metrics;

/// <summary>One extra check of §4: <paramref name="Kind"/> says which, <paramref name="Args"/> carries its parsed parts.</summary>
internal sealed record ExtraCheck(string Name, ExtraKind Kind, ImmutableArray<string> Args);
