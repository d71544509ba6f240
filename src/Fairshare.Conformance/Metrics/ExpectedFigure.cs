namespace Fairshare.Conformance.Metrics;

/// <summary>One expected figure of a vector: a cell of Table A or B (<paramref name="Text"/> is a decimal or "undef."), or an exact rational ("a/b").</summary>
internal sealed record ExpectedFigure(string VectorId, string Metric, string Text, bool Exact);
