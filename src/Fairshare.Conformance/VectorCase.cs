using System.Collections.Immutable;

namespace Fairshare.Conformance;

/// <summary>One test vector: inputs and expected outputs as text (arrays joined by ',').</summary>
public sealed record VectorCase(
    string Id,
    string Primitive,
    string Operation,
    ImmutableSortedDictionary<string, string> Inputs,
    ImmutableSortedDictionary<string, string> Expected,
    string? ExpectedError);
