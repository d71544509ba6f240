namespace Fairshare.Architecture.Tests;

/// <summary>One broken layer rule: which rule, where, and what was found.</summary>
public sealed record Violation(string Rule, string Location, string Detail)
{
    public override string ToString() => $"{Rule} at {Location}: {Detail}";
}
