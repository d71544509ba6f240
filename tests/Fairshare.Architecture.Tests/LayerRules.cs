namespace Fairshare.Architecture.Tests;

/// <summary>What one layer's assembly may reference and use.</summary>
public sealed record LayerRules(
    Func<string, bool> MayReferenceAssembly,
    IReadOnlyList<string> BannedNamespaces,
    IReadOnlyList<string> BannedTypes,
    IReadOnlyList<string> AllowedTypes,
    bool ForbidFloatingPoint)
{
    private static readonly string[] Bcl = ["System", "netstandard", "mscorlib", "Microsoft.Win32.Primitives"];

    private static bool IsBcl(string name) => Bcl.Any(b => name == b || name.StartsWith(b + ".", StringComparison.Ordinal));

    /// <summary>Core: pure and deterministic.</summary>
    public static LayerRules Core { get; } = new(
        name => (IsBcl(name) && !name.StartsWith("System.Net", StringComparison.Ordinal) && name != "System.Console"
                 && !name.StartsWith("System.IO.FileSystem", StringComparison.Ordinal) && name != "System.Diagnostics.Process")
                || name == "NSec.Cryptography",
        ["System.IO", "System.Net", "System.Threading.Tasks", "Microsoft.Data", "Microsoft.Extensions"],
        [
            "System.DateTime", "System.DateTimeOffset", "System.TimeProvider", "System.Diagnostics.Stopwatch",
            "System.Random", "System.Security.Cryptography.RandomNumberGenerator", "System.Guid",
            "System.Console", "System.Environment", "System.Diagnostics.Process",
            "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Timer", "System.Threading.Tasks.Parallel",
            "System.Single", "System.Double", "System.Decimal", "System.Half", "System.Math", "System.MathF",
        ],
        ["System.IO.InvalidDataException"],
        ForbidFloatingPoint: true);

    /// <summary>Node: anything but the apps above it.</summary>
    public static LayerRules Node { get; } = new(
        name => !name.StartsWith("Fairshare.", StringComparison.Ordinal) || name is "Fairshare.Core",
        [], [], [], ForbidFloatingPoint: false);
}
