namespace Fairshare.Architecture.Tests;

/// <summary>
/// What one layer's assembly may reference and use. A name is banned when it matches <see cref="BannedTypes"/> or
/// <see cref="BannedMembers"/> (most specific, always wins), else is allowed when it matches
/// <see cref="AllowedExceptions"/>, else is banned when its namespace matches <see cref="BannedNamespaces"/>.
/// Type entries also cover the type's nested types; namespace entries also cover sub-namespaces.
/// </summary>
/// <param name="MayReferenceAssembly">Allow-list predicate over referenced assembly simple names.</param>
/// <param name="BannedNamespaces">Namespace prefixes (dot-bounded: "System.Net" bans System.Net.Http, not System.Numerics).</param>
/// <param name="BannedTypes">Full type names, e.g. "System.DateTime".</param>
/// <param name="BannedMembers">Full member names, e.g. "System.Guid.NewGuid", for types that are otherwise fine.</param>
/// <param name="AllowedExceptions">Full type names or namespaces exempt from <paramref name="BannedNamespaces"/>.</param>
/// <param name="ForbidFloatingPoint">Whether float IL opcodes and float/double/decimal/Half in signatures are violations.</param>
public sealed record LayerRules(
    Func<string, bool> MayReferenceAssembly,
    IReadOnlyList<string> BannedNamespaces,
    IReadOnlyList<string> BannedTypes,
    IReadOnlyList<string> BannedMembers,
    IReadOnlyList<string> AllowedExceptions,
    bool ForbidFloatingPoint)
{
    /// <summary>Core: pure and deterministic. BCL and NSec only; no clock, randomness, I/O, threads or floating point.</summary>
    public static LayerRules Core { get; } = new(
        MayReferenceAssembly: name => string.Equals(name, "NSec.Cryptography", StringComparison.OrdinalIgnoreCase)
                                      || (IsBcl(name) && !IsImpureBcl(name)),
        BannedNamespaces:
        [
            "System.IO", "System.Net", "Microsoft.Data", "System.Data",
            "System.Threading.Tasks", "System.Timers",
            // the conformance tooling and its reference-only math sit above Core: no back-door from a module to them
            "Fairshare.Conformance",
        ],
        BannedTypes:
        [
            // clock
            "System.DateTime", "System.DateTimeOffset", "System.TimeProvider", "System.Diagnostics.Stopwatch",
            // randomness
            "System.Random", "System.Security.Cryptography.RandomNumberGenerator",
            // I/O and the process environment (Environment also covers Environment.TickCount, a clock)
            "System.Console", "System.Environment", "System.Diagnostics.Process",
            // threads
            "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Timer", "System.Threading.Tasks.Parallel",
            // floating point
            "System.Single", "System.Double", "System.Decimal", "System.Half", "System.Math", "System.MathF",
        ],
        BannedMembers: ["System.Guid.NewGuid", "System.Guid.CreateVersion7"],
        // System.Security.Cryptography (SHA256.HashData) and System.Numerics (BigInteger, BitOperations) are not banned
        // at all; RandomNumberGenerator is banned by type. Nothing inside a banned namespace is needed today.
        AllowedExceptions: [],
        ForbidFloatingPoint: true);

    /// <summary>
    /// Compute: job runtimes, I/O, threads and floating point are fine (it runs models); of this solution it may use
    /// only Core, never the layers above it (Node, the apps, Analytics, Simulation).
    /// </summary>
    public static LayerRules Compute { get; } = new(
        MayReferenceAssembly: name => !IsFairshare(name) || string.Equals(name, "Fairshare.Core", StringComparison.OrdinalIgnoreCase),
        BannedNamespaces: ["Fairshare.Node", "Fairshare.Agents", "Fairshare.Cli", "Fairshare.Analytics", "Fairshare.Simulation"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>
    /// Node: the validator (storage, replication, the index). I/O is fine; it may use Core and Compute, and never the
    /// agents, the SDK, the HTTP server or the apps above it.
    /// </summary>
    public static LayerRules Node { get; } = new(
        MayReferenceAssembly: name => !IsFairshare(name)
                                      || string.Equals(name, "Fairshare.Core", StringComparison.OrdinalIgnoreCase)
                                      || string.Equals(name, "Fairshare.Compute", StringComparison.OrdinalIgnoreCase),
        BannedNamespaces: ["Fairshare.Cli", "Fairshare.Agents", "Fairshare.Client", "Fairshare.Server"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>
    /// Agents: the provider and client agents, their node gateways (in process and over HTTP), the job SDK, the in-process
    /// network of the demo. They use Core, Compute (to run and check jobs), Node (the in-process gateway's validator) and
    /// Client (the HTTP SDK); never the node's HTTP server, the reports, the simulator or the apps.
    /// </summary>
    public static LayerRules Agents { get; } = new(
        MayReferenceAssembly: name => !IsFairshare(name)
                                      || name is "Fairshare.Core" or "Fairshare.Compute" or "Fairshare.Node" or "Fairshare.Client",
        BannedNamespaces: ["Fairshare.Cli", "Fairshare.Server", "Fairshare.Analytics", "Fairshare.Simulation"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>
    /// Testnet (tools/): a local testnet's plan and the supervision of its processes. It builds on Core (the genesis) and
    /// Node (a member's data directory); it starts <c>fairshare</c> processes and never links the CLI, the agents, the
    /// server, the reports or the simulator.
    /// </summary>
    public static LayerRules Testnet { get; } = new(
        MayReferenceAssembly: name => !IsFairshare(name) || name is "Fairshare.Core" or "Fairshare.Node",
        BannedNamespaces: ["Fairshare.Cli", "Fairshare.Agents", "Fairshare.Server", "Fairshare.Analytics", "Fairshare.Simulation", "Fairshare.Conformance"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>
    /// Analytics: metrics over holdings and ledger data, reports and plots. Core, the BCL and the report libraries
    /// (ScottPlot and its SkiaSharp, Parquet.Net) only (floating point is fine here); nothing above Core (Node,
    /// Compute, Simulation, the apps), so the simulator, the node's dashboard and the CLI can all build on it.
    /// </summary>
    public static LayerRules Analytics { get; } = new(
        MayReferenceAssembly: name => IsBcl(name) || IsReportLibrary(name) || string.Equals(name, "Fairshare.Core", StringComparison.OrdinalIgnoreCase),
        BannedNamespaces: ["Fairshare.Node", "Fairshare.Compute", "Fairshare.Simulation", "Fairshare.Cli", "Fairshare.Conformance"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>
    /// Client: the SDK a wallet, a provider agent or the CLI uses to talk to a node over HTTP. Of this solution it may use
    /// only Core (values, encodings, signatures), never the node's internals or anything above.
    /// </summary>
    public static LayerRules Client { get; } = new(
        MayReferenceAssembly: name => !IsFairshare(name) || string.Equals(name, "Fairshare.Core", StringComparison.OrdinalIgnoreCase),
        BannedNamespaces: ["Fairshare.Node", "Fairshare.Compute", "Fairshare.Agents", "Fairshare.Server", "Fairshare.Analytics", "Fairshare.Simulation", "Fairshare.Cli"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>Server: the node's HTTP API. It may use Core, Compute, Node, Client and Analytics; never the apps.</summary>
    public static LayerRules Server { get; } = new(
        MayReferenceAssembly: name => !IsFairshare(name)
                                      || name is "Fairshare.Core" or "Fairshare.Compute" or "Fairshare.Node" or "Fairshare.Client" or "Fairshare.Analytics",
        BannedNamespaces: ["Fairshare.Cli", "Fairshare.Simulation", "Fairshare.Agents"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>
    /// Simulation: agents driving the real Core modules, and the reports of Analytics. Core, Analytics, the BCL and the
    /// report libraries; never Node, Compute, Server or the apps (a run touches no disk, network or chain store).
    /// </summary>
    public static LayerRules Simulation { get; } = new(
        MayReferenceAssembly: name => IsBcl(name) || IsReportLibrary(name) || name is "Fairshare.Core" or "Fairshare.Analytics",
        BannedNamespaces: ["Fairshare.Node", "Fairshare.Compute", "Fairshare.Server", "Fairshare.Client", "Fairshare.Cli"],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>
    /// Conformance: the spec's vector runners (DeFi operations over the Core modules, the metrics over Analytics) and the
    /// reference-only math they check against. Core, Analytics and the BCL (floating point is fine: the metrics compare
    /// doubles); never Node, Compute, Client, Server, Agents, Simulation or the apps, which run it (the CLI) instead.
    /// </summary>
    public static LayerRules Conformance { get; } = new(
        MayReferenceAssembly: name => IsBcl(name) || name is "Fairshare.Core" or "Fairshare.Analytics",
        BannedNamespaces:
        [
            "Fairshare.Node", "Fairshare.Compute", "Fairshare.Client", "Fairshare.Server", "Fairshare.Agents",
            "Fairshare.Simulation", "Fairshare.Cli",
        ],
        BannedTypes: [],
        BannedMembers: [],
        AllowedExceptions: [],
        ForbidFloatingPoint: false);

    /// <summary>Whether a reference to <paramref name="typeFullName"/> (nested types joined with '+'), or to its
    /// member <paramref name="memberName"/>, breaks these rules.</summary>
    public bool Bans(string typeNamespace, string typeFullName, string? memberName = null)
    {
        string outermost = typeFullName.Split('+')[0];
        if (BannedTypes.Any(t => t == outermost || t == typeFullName)) return true;
        if (memberName is not null && BannedMembers.Contains(typeFullName + "." + memberName)) return true;
        if (AllowedExceptions.Any(e => e == outermost || e == typeFullName || IsUnder(typeNamespace, e))) return false;
        return BannedNamespaces.Any(n => IsUnder(typeNamespace, n));
    }

    /// <summary>Whether an assembly simple name belongs to this solution ("Fairshare.*", or the app's "fairshare").</summary>
    public static bool IsFairshare(string assemblyName) =>
        string.Equals(assemblyName, "fairshare", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("Fairshare.", StringComparison.OrdinalIgnoreCase);

    private static bool IsUnder(string ns, string prefix) =>
        ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static bool IsReportLibrary(string name) =>
        name.StartsWith("ScottPlot", StringComparison.Ordinal) || name.StartsWith("SkiaSharp", StringComparison.Ordinal)
        || name.StartsWith("Parquet", StringComparison.Ordinal);

    private static bool IsBcl(string name) =>
        name is "mscorlib" or "netstandard" or "System" or "Microsoft.Win32.Primitives"
        || name.StartsWith("System.", StringComparison.Ordinal);

    // BCL assemblies that exist only to do I/O, networking, processes or threads.
    private static bool IsImpureBcl(string name) =>
        name is "System.Console" or "System.Diagnostics.Process" or "System.Threading.Thread"
            or "System.Threading.ThreadPool" or "System.Threading.Tasks.Parallel" or "System.IO" or "System.Net" or "System.Data"
        || name.StartsWith("System.IO.", StringComparison.Ordinal)
        || name.StartsWith("System.Net.", StringComparison.Ordinal)
        || name.StartsWith("System.Data.", StringComparison.Ordinal);
}
