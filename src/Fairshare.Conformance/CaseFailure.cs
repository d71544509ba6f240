namespace Fairshare.Conformance;

/// <summary>A vector that did not match, and how.</summary>
public sealed record CaseFailure(string Id, string Primitive, string Operation, string Reason);
