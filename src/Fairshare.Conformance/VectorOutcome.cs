using System.Collections.Immutable;

namespace Fairshare.Conformance;

/// <summary>What an operation produced: every output field as text (arrays joined by ','), or an error name.</summary>
public sealed record VectorOutcome(ImmutableSortedDictionary<string, string> Outputs, string? Error)
{
    /// <summary>A failure with the spec's error name.</summary>
    public static VectorOutcome Fail(string error) => new(ImmutableSortedDictionary<string, string>.Empty, error);

    /// <summary>A success with its outputs.</summary>
    public static VectorOutcome Success(IEnumerable<KeyValuePair<string, string>> outputs) =>
        new(outputs.ToImmutableSortedDictionary(StringComparer.Ordinal), null);
}
