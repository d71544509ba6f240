namespace Fairshare.Architecture.Tests;

/// <summary>One broken layer rule: which rule, where (type and member), and what was found.</summary>
public sealed record Violation(string Rule, string Location, string Detail)
{
    /// <summary>The assembly references an assembly its layer may not reference.</summary>
    public const string AssemblyReference = "assembly-reference";

    /// <summary>A type or member reference into a banned namespace, type or member.</summary>
    public const string BannedApi = "banned-api";

    /// <summary>A floating-point IL instruction (ldc.r4, ldc.r8, conv.r4, conv.r8, conv.r.un, ...).</summary>
    public const string FloatOpcode = "float-opcode";

    /// <summary>float, double, decimal or Half in a method, field, property, local or referenced-member signature.</summary>
    public const string FloatSignature = "float-signature";

    public override string ToString() => $"{Rule} at {Location}: {Detail}";
}
