using System.Reflection.Emit;

namespace Fairshare.Architecture.Tests;

/// <summary>
/// The layer rules of docs/architecture.md, checked on the compiled assemblies, and proof that the scanner catches
/// what it is meant to catch (a scanner that found nothing anywhere would make the layer tests always pass).
/// </summary>
public sealed class LayerTests
{
    private const string SamplesNamespace = "Fairshare.Architecture.Tests.Samples";
    private const string CleanSamplesNamespace = "Fairshare.Architecture.Tests.Samples.Clean";

    private static readonly Lazy<IReadOnlyList<Violation>> SampleViolations =
        new(() => AssemblyRuleScanner.Scan(TestAssemblyPath, LayerRules.Core, SamplesNamespace));

    private static string CorePath => Beside("Fairshare.Core.dll");

    private static string ComputePath => Beside("Fairshare.Compute.dll");

    private static string NodePath => Beside("Fairshare.Node.dll");

    private static string AgentsPath => Beside("Fairshare.Agents.dll");

    private static string CliPath => Beside("fairshare.dll");

    private static string TestnetPath => Beside("Fairshare.Testnet.dll");

    private static string AnalyticsPath => Beside("Fairshare.Analytics.dll");

    private static string ClientPath => Beside("Fairshare.Client.dll");

    private static string ServerPath => Beside("Fairshare.Server.dll");

    private static string SimulationPath => Beside("Fairshare.Simulation.dll");

    private static string ConformancePath => Beside("Fairshare.Conformance.dll");

    private static string TestAssemblyPath => typeof(LayerTests).Assembly.Location;

    [Fact]
    public void Core_UsesNoClockRandomnessIoThreadsOrFloatingPoint() =>
        AssertNone(AssemblyRuleScanner.Scan(CorePath, LayerRules.Core), "Fairshare.Core breaks the Core rules");

    [Fact]
    public void Core_ReferencesNoHigherLayer()
    {
        AssertNone(
            AssemblyRuleScanner.Scan(CorePath, LayerRules.Core).Where(v => v.Rule == Violation.AssemblyReference),
            "Fairshare.Core references assemblies outside BCL + NSec");
        Assert.DoesNotContain(AssemblyRuleScanner.ReadAssemblyReferences(CorePath), LayerRules.IsFairshare);
    }

    [Fact]
    public void Compute_ReferencesOnlyCore()
    {
        AssertNone(AssemblyRuleScanner.Scan(ComputePath, LayerRules.Compute), "Fairshare.Compute breaks the Compute rules");
        Assert.Equal(
            ["Fairshare.Core"],
            AssemblyRuleScanner.ReadAssemblyReferences(ComputePath).Where(LayerRules.IsFairshare));
    }

    [Fact]
    public void Node_DoesNotReferenceApps()
    {
        AssertNone(AssemblyRuleScanner.Scan(NodePath, LayerRules.Node), "Fairshare.Node references the apps");
        Assert.DoesNotContain(
            AssemblyRuleScanner.ReadAssemblyReferences(NodePath),
            name => LayerRules.IsFairshare(name) && name is not ("Fairshare.Core" or "Fairshare.Compute"));
    }

    [Fact]
    public void Agents_UseTheValidatorAndTheSdkButNoServerOrApp()
    {
        AssertNone(AssemblyRuleScanner.Scan(AgentsPath, LayerRules.Agents), "Fairshare.Agents breaks the Agents rules");
        var references = AssemblyRuleScanner.ReadAssemblyReferences(AgentsPath).Where(LayerRules.IsFairshare).Order(StringComparer.Ordinal);
        Assert.Equal(["Fairshare.Client", "Fairshare.Compute", "Fairshare.Core", "Fairshare.Node"], references);
        // The validator knows nothing of the agents: an arrow from Node up to them is a violation.
        Assert.True(LayerRules.Node.Bans("Fairshare.Agents", "Fairshare.Agents.ProviderAgent"));
        Assert.False(LayerRules.Node.MayReferenceAssembly("Fairshare.Agents"));
    }

    [Fact]
    public void Testnet_PlansAndSupervisesProcesses_WithoutLinkingTheCli()
    {
        AssertNone(AssemblyRuleScanner.Scan(TestnetPath, LayerRules.Testnet), "Fairshare.Testnet breaks the Testnet rules");
        var references = AssemblyRuleScanner.ReadAssemblyReferences(TestnetPath).Where(LayerRules.IsFairshare).Order(StringComparer.Ordinal);
        Assert.Equal(["Fairshare.Core", "Fairshare.Node"], references);
        // The planted arrow back up: the testnet reaching into the CLI (as its usage errors once did) is a violation.
        Assert.True(LayerRules.Testnet.Bans("Fairshare.Cli", "Fairshare.Cli.CliUsageException"));
        Assert.False(LayerRules.Testnet.MayReferenceAssembly("fairshare"));
        Assert.False(LayerRules.Testnet.MayReferenceAssembly("Fairshare.Cli"));
    }

    /// <summary>The assemblies that ship (the CLI and everything it loads), which must hold no benchmark code.</summary>
    public static TheoryData<string> ShippedAssemblies() =>
    [
        "Fairshare.Core.dll", "Fairshare.Compute.dll", "Fairshare.Node.dll", "Fairshare.Agents.dll", "Fairshare.Client.dll",
        "Fairshare.Server.dll", "Fairshare.Analytics.dll", "Fairshare.Simulation.dll", "Fairshare.Conformance.dll", "Fairshare.Testnet.dll",
        "fairshare.dll",
    ];

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void ShippedAssemblies_HoldNoBenchmarkCode(string assembly)
    {
        var path = Beside(assembly);
        var benchTypes = AssemblyRuleScanner.ReadTypeNames(path).Where(IsBenchmarkCode).ToList();
        var benchReferences = AssemblyRuleScanner.ReadAssemblyReferences(path).Where(r => r is "fairshare-bench" or "BenchmarkDotNet").ToList();

        Assert.True(benchTypes.Count == 0, $"{assembly} holds benchmark code (it belongs in bench/): {string.Join(", ", benchTypes)}");
        Assert.Empty(benchReferences);
    }

    [Fact]
    public void TheBenchmarkRule_FlagsAPlantedBenchmark_AndSparesTheProvidersScore()
    {
        // The planted sample: a type in a Bench namespace, as the benchmarks were in Cli/Bench, Node/Bench, Agents/Bench.
        var planted = AssemblyRuleScanner.ReadTypeNames(TestAssemblyPath).Where(IsBenchmarkCode).ToList();
        Assert.Equal([$"{SamplesNamespace}.Bench.PlantedBenchmark"], planted);
        // The provider's benchmark score is part of its offer, not a benchmark of ours: Compute keeps it.
        Assert.DoesNotContain(AssemblyRuleScanner.ReadTypeNames(ComputePath), IsBenchmarkCode);
        Assert.Contains("Fairshare.Compute.Benchmarking.StandardBenchmark", AssemblyRuleScanner.ReadTypeNames(ComputePath));
    }

    /// <summary>Benchmark code: a type in a namespace with a <c>Bench</c> segment, or one named like a benchmark's figures.</summary>
    private static bool IsBenchmarkCode(string fullName)
    {
        string[] segments = fullName.Split('+')[0].Split('.');
        string name = segments[^1];
        return segments[..^1].Contains("Bench")
            || name.EndsWith("BenchResult", StringComparison.Ordinal) || name.EndsWith("BenchOptions", StringComparison.Ordinal)
            || (name.EndsWith("Benchmark", StringComparison.Ordinal) && name != "StandardBenchmark");
    }

    [Fact]
    public void Compute_IsBelowNodeAndAboveCore()
    {
        // Node may use Compute, Compute may not use Node, Core may use neither.
        Assert.True(LayerRules.Node.MayReferenceAssembly("Fairshare.Compute"));
        Assert.False(LayerRules.Compute.MayReferenceAssembly("Fairshare.Node"));
        Assert.False(LayerRules.Core.MayReferenceAssembly("Fairshare.Compute"));
        Assert.True(LayerRules.Compute.Bans("Fairshare.Node.Chain", "Fairshare.Node.Chain.LedgerNode"));
        // Compute's runtimes compute in floating point and reference Core: under Core's rules both are violations.
        var underCoreRules = AssemblyRuleScanner.Scan(ComputePath, LayerRules.Core);
        Assert.Contains(underCoreRules, v => v.Rule == Violation.AssemblyReference && v.Detail == "Fairshare.Core");
        Assert.Contains(underCoreRules, v => v.Rule == Violation.FloatOpcode);
    }

    [Theory]
    [InlineData("UsesClock", Violation.BannedApi, "System.DateTime")]
    [InlineData("UsesRandomness", Violation.BannedApi, "System.Random")]
    [InlineData("UsesNewGuid", Violation.BannedApi, "System.Guid.NewGuid")]
    [InlineData("UsesFiles", Violation.BannedApi, "System.IO.File")]
    [InlineData("UsesTasks", Violation.BannedApi, "System.Threading.Tasks.Task")]
    [InlineData("UsesFloatOpcodes", Violation.FloatOpcode, "conv.r8")]
    [InlineData("UsesFloatOpcodes", Violation.FloatOpcode, "ldc.r8")]
    [InlineData("UsesFloatField", Violation.FloatSignature, "field float32")]
    [InlineData("UsesDecimal", Violation.FloatSignature, "signature System.Decimal(")]
    [InlineData("UsesDecimal", Violation.BannedApi, "System.Decimal")]
    public void Scanner_ReportsEachKindOfForbiddenUse(string sampleClass, string rule, string detailPrefix)
    {
        string type = $"{SamplesNamespace}.{sampleClass}";
        bool found = SampleViolations.Value.Any(v =>
            v.Rule == rule
            && (v.Location.StartsWith(type + ".", StringComparison.Ordinal) || v.Location.StartsWith(type + "+", StringComparison.Ordinal))
            && v.Detail.StartsWith(detailPrefix, StringComparison.Ordinal));
        Assert.True(found, $"expected {rule} '{detailPrefix}…' in {type}; the scanner reported:\n{Listed(SampleViolations.Value)}");
    }

    [Fact]
    public void Scanner_FindsFloatingPointThatOnlyTheIlShows()
    {
        // The double local never names System.Double: only IL decoding (and the local's signature) can see it.
        var halve = SampleViolations.Value.Where(v => v.Location == $"{SamplesNamespace}.UsesFloatOpcodes.Halve").ToList();
        Assert.Contains(halve, v => v.Rule == Violation.FloatOpcode);
        Assert.DoesNotContain(halve, v => v.Rule == Violation.BannedApi);
    }

    [Fact]
    public void Scanner_AcceptsIntegerMathBigIntegerAndSha256() =>
        AssertNone(
            AssemblyRuleScanner.Scan(TestAssemblyPath, LayerRules.Core, CleanSamplesNamespace),
            "the clean samples were reported");

    [Fact]
    public void Scanner_DecodesIlOpcodeByOpcode()
    {
        byte[] il =
        [
            0x20, 0x6B, 0x6C, 0x22, 0x23, // ldc.i4 0x23226C6B: operand bytes are conv.r4, conv.r8, ldc.r4, ldc.r8
            0x21, 0x23, 0x23, 0x22, 0x22, 0x76, 0x76, 0x6B, 0x6B, // ldc.i8 with float-opcode bytes
            0x45, 0x02, 0x00, 0x00, 0x00, 0x22, 0x00, 0x00, 0x00, 0x6C, 0x00, 0x00, 0x00, // switch with 2 targets
            0xFE, 0x01, // ceq (two-byte opcode)
            0x1F, 0x76, // ldc.i4.s 0x76
            0x2A, // ret
        ];
        string[] clean = ["ldc.i4", "ldc.i8", "switch", "ceq", "ldc.i4.s", "ret"];
        var decoded = AssemblyRuleScanner.DecodeOpCodes(il);
        Assert.Equal(clean, decoded.Select(o => o.Name));
        Assert.DoesNotContain(decoded, AssemblyRuleScanner.IsFloatingPointOpCode);

        byte[] floats = [0x02, 0x6C, 0x23, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x5B, 0x76, 0x69, 0x2A]; // ldarg.0 conv.r8 ldc.r8 2.0 div conv.r.un conv.i4 ret
        string[] expected = ["ldarg.0", "conv.r8", "ldc.r8", "div", "conv.r.un", "conv.i4", "ret"];
        var decodedFloats = AssemblyRuleScanner.DecodeOpCodes(floats);
        Assert.Equal(expected, decodedFloats.Select(o => o.Name));
        string[] floatOnly = ["conv.r8", "ldc.r8", "conv.r.un"];
        Assert.Equal(floatOnly, decodedFloats.Where(AssemblyRuleScanner.IsFloatingPointOpCode).Select(o => o.Name));
        Assert.True(AssemblyRuleScanner.IsFloatingPointOpCode(OpCodes.Ldc_R4));
        Assert.True(AssemblyRuleScanner.IsFloatingPointOpCode(OpCodes.Conv_R4));
    }

    [Fact]
    public void Scanner_ReportsAssemblyReferencesAboveTheLayer()
    {
        // Node references Core: under Core's rules (no Fairshare.* but itself) that is a violation; the app references
        // Node: under Node's rules (no Fairshare.* but Core) that is one too.
        Assert.Contains(
            AssemblyRuleScanner.Scan(NodePath, LayerRules.Core),
            v => v.Rule == Violation.AssemblyReference && v.Detail == "Fairshare.Core");
        Assert.Contains(
            AssemblyRuleScanner.Scan(CliPath, LayerRules.Node),
            v => v.Rule == Violation.AssemblyReference && v.Detail == "Fairshare.Node");
    }

    [Theory]
    [InlineData("System.Runtime", true, true, true)]
    [InlineData("System.Collections.Immutable", true, true, true)]
    [InlineData("System.Security.Cryptography", true, true, true)]
    [InlineData("System.Runtime.Numerics", true, true, true)]
    [InlineData("netstandard", true, true, true)]
    [InlineData("NSec.Cryptography", true, true, true)]
    [InlineData("Fairshare.Core", false, true, true)]
    [InlineData("Fairshare.Compute", false, true, false)]
    [InlineData("Fairshare.Node", false, false, false)]
    [InlineData("Fairshare.Analytics", false, false, false)]
    [InlineData("Fairshare.Simulation", false, false, false)]
    [InlineData("Fairshare.Testing", false, false, false)]
    [InlineData("fairshare", false, false, false)]
    [InlineData("Microsoft.Data.Sqlite", false, true, true)]
    [InlineData("Microsoft.ML.OnnxRuntime", false, true, true)]
    [InlineData("ILGPU", false, true, true)]
    [InlineData("System.Console", false, true, true)]
    [InlineData("System.Net.Http", false, true, true)]
    [InlineData("System.IO.FileSystem", false, true, true)]
    [InlineData("System.Diagnostics.Process", false, true, true)]
    public void LayerRules_AllowTheExpectedAssemblyReferences(string assembly, bool core, bool node, bool compute)
    {
        Assert.Equal(core, LayerRules.Core.MayReferenceAssembly(assembly));
        Assert.Equal(node, LayerRules.Node.MayReferenceAssembly(assembly));
        Assert.Equal(compute, LayerRules.Compute.MayReferenceAssembly(assembly));
    }

    [Theory]
    [InlineData("System", "System.DateTime", null, true)]
    [InlineData("System", "System.Environment+SpecialFolder", null, true)]
    [InlineData("System.IO", "System.IO.MemoryStream", null, true)]
    [InlineData("System.Net.Http", "System.Net.Http.HttpClient", null, true)]
    [InlineData("System.Threading.Tasks", "System.Threading.Tasks.ValueTask`1", null, true)]
    [InlineData("System.Security.Cryptography", "System.Security.Cryptography.RandomNumberGenerator", null, true)]
    [InlineData("System", "System.Guid", "NewGuid", true)]
    [InlineData("System", "System.Guid", "TryParse", false)]
    [InlineData("System.Security.Cryptography", "System.Security.Cryptography.SHA256", "HashData", false)]
    [InlineData("System.Numerics", "System.Numerics.BigInteger", null, false)]
    [InlineData("System.Numerics", "System.Numerics.BitOperations", null, false)]
    [InlineData("System.Threading", "System.Threading.Interlocked", null, false)]
    [InlineData("Fairshare.Conformance", "Fairshare.Conformance.ConformanceRunner", null, true)]
    [InlineData("Fairshare.Conformance.Reference", "Fairshare.Conformance.Reference.MakerMath", null, true)]
    [InlineData("Fairshare.Conformance.Operations", "Fairshare.Conformance.Operations.MakerDssOperations", null, true)]
    [InlineData("Fairshare.ConformanceKit", "Fairshare.ConformanceKit.Sample", null, false)]
    public void LayerRules_BanTheExpectedApisInCore(string ns, string type, string? member, bool banned) =>
        Assert.Equal(banned, LayerRules.Core.Bans(ns, type, member));

    [Fact]
    public void Analytics_ReferencesOnlyCoreAndTheBcl()
    {
        AssertNone(AssemblyRuleScanner.Scan(AnalyticsPath, LayerRules.Analytics), "Fairshare.Analytics breaks the Analytics rules");
        Assert.Equal(
            ["Fairshare.Core"],
            AssemblyRuleScanner.ReadAssemblyReferences(AnalyticsPath).Where(LayerRules.IsFairshare));
    }

    [Fact]
    public void Scanner_CatchesAnAssemblyThatReachesAboveAnalytics()
    {
        // The app uses Node's types: under Analytics' rules both the reference and the uses are violations.
        var violations = AssemblyRuleScanner.Scan(CliPath, LayerRules.Analytics);

        Assert.Contains(violations, v => v.Rule == Violation.AssemblyReference && v.Detail == "Fairshare.Node");
        Assert.Contains(violations, v => v.Rule == Violation.BannedApi && v.Detail.StartsWith("Fairshare.Node.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("System.Runtime", true)]
    [InlineData("System.Runtime.Numerics", true)]
    [InlineData("System.Collections.Immutable", true)]
    [InlineData("Fairshare.Core", true)]
    [InlineData("Fairshare.Node", false)]
    [InlineData("Fairshare.Compute", false)]
    [InlineData("Fairshare.Simulation", false)]
    [InlineData("fairshare", false)]
    [InlineData("Microsoft.Data.Sqlite", false)]
    [InlineData("NSec.Cryptography", false)]
    [InlineData("ScottPlot", true)]
    [InlineData("Parquet.Net", true)]
    public void LayerRules_LetAnalyticsReferenceCoreAndTheBclOnly(string assembly, bool allowed) =>
        Assert.Equal(allowed, LayerRules.Analytics.MayReferenceAssembly(assembly));

    [Theory]
    [InlineData("Fairshare.Node.Storage", "Fairshare.Node.Storage.SqliteStore", true)]
    [InlineData("Fairshare.Compute", "Fairshare.Compute.Runtime", true)]
    [InlineData("Fairshare.Simulation", "Fairshare.Simulation.Scenario", true)]
    [InlineData("Fairshare.Cli.Commands", "Fairshare.Cli.Commands.ReportCommand", true)]
    [InlineData("Fairshare.Core.Primitives", "Fairshare.Core.Primitives.Amount", false)]
    [InlineData("System", "System.Math", false)]
    [InlineData("System", "System.Double", false)]
    public void LayerRules_BanTheLayersAboveAnalytics(string ns, string type, bool banned) =>
        Assert.Equal(banned, LayerRules.Analytics.Bans(ns, type));

    [Fact]
    public void Simulation_ReferencesOnlyCoreAndAnalytics()
    {
        AssertNone(AssemblyRuleScanner.Scan(SimulationPath, LayerRules.Simulation), "Fairshare.Simulation breaks the Simulation rules");
        Assert.Subset(
            new HashSet<string> { "Fairshare.Core", "Fairshare.Analytics" },
            AssemblyRuleScanner.ReadAssemblyReferences(SimulationPath).Where(LayerRules.IsFairshare).ToHashSet());
    }

    [Theory]
    [InlineData("Fairshare.Core", true)]
    [InlineData("Fairshare.Analytics", true)]
    [InlineData("Fairshare.Node", false)]
    [InlineData("Fairshare.Compute", false)]
    [InlineData("Fairshare.Server", false)]
    [InlineData("fairshare", false)]
    [InlineData("Microsoft.Data.Sqlite", false)]
    [InlineData("System.Collections.Concurrent", true)]
    public void LayerRules_LetSimulationReferenceCoreAndAnalyticsOnly(string assembly, bool allowed) =>
        Assert.Equal(allowed, LayerRules.Simulation.MayReferenceAssembly(assembly));

    [Fact]
    public void Conformance_ReferencesOnlyCoreAndAnalytics()
    {
        AssertNone(AssemblyRuleScanner.Scan(ConformancePath, LayerRules.Conformance), "Fairshare.Conformance breaks the Conformance rules");
        Assert.Equal(
            ["Fairshare.Analytics", "Fairshare.Core"],
            AssemblyRuleScanner.ReadAssemblyReferences(ConformancePath).Where(LayerRules.IsFairshare).Order(StringComparer.Ordinal));
        // Nothing below it uses it: neither Core nor Analytics references the conformance assembly.
        Assert.DoesNotContain("Fairshare.Conformance", AssemblyRuleScanner.ReadAssemblyReferences(CorePath));
        Assert.DoesNotContain("Fairshare.Conformance", AssemblyRuleScanner.ReadAssemblyReferences(AnalyticsPath));
    }

    [Fact]
    public void Scanner_CatchesAConformanceBackDoorUnderTheCoreRules()
    {
        // A Core module reaching for the conformance tooling cannot compile (Core does not reference it), so the planted
        // use is the app's: under Core's rules its reference and its uses of Fairshare.Conformance are violations.
        var violations = AssemblyRuleScanner.Scan(CliPath, LayerRules.Core);

        Assert.Contains(violations, v => v.Rule == Violation.AssemblyReference && v.Detail == "Fairshare.Conformance");
        Assert.Contains(violations, v => v.Rule == Violation.BannedApi && v.Detail.StartsWith("Fairshare.Conformance.", StringComparison.Ordinal));
        Assert.False(LayerRules.Core.MayReferenceAssembly("Fairshare.Conformance"));
        Assert.True(LayerRules.Analytics.Bans("Fairshare.Conformance.Metrics", "Fairshare.Conformance.Metrics.MetricsConformance"));
        Assert.False(LayerRules.Analytics.MayReferenceAssembly("Fairshare.Conformance"));
    }

    [Theory]
    [InlineData("Fairshare.Core", true)]
    [InlineData("Fairshare.Analytics", true)]
    [InlineData("System.Text.Json", true)]
    [InlineData("Fairshare.Node", false)]
    [InlineData("Fairshare.Compute", false)]
    [InlineData("Fairshare.Client", false)]
    [InlineData("Fairshare.Server", false)]
    [InlineData("Fairshare.Agents", false)]
    [InlineData("Fairshare.Simulation", false)]
    [InlineData("fairshare", false)]
    public void LayerRules_LetConformanceReferenceCoreAndAnalyticsOnly(string assembly, bool allowed) =>
        Assert.Equal(allowed, LayerRules.Conformance.MayReferenceAssembly(assembly));

    [Theory]
    [InlineData("Fairshare.Node.Chain", "Fairshare.Node.Chain.LedgerNode", true)]
    [InlineData("Fairshare.Simulation", "Fairshare.Simulation.Scenario", true)]
    [InlineData("Fairshare.Agents", "Fairshare.Agents.ProviderAgent", true)]
    [InlineData("Fairshare.Server", "Fairshare.Server.NodeApi", true)]
    [InlineData("Fairshare.Cli.Commands", "Fairshare.Cli.Commands.ConformanceCommand", true)]
    [InlineData("Fairshare.Core.Modules.Amm", "Fairshare.Core.Modules.Amm.AmmModule", false)]
    [InlineData("Fairshare.Analytics.Concentration", "Fairshare.Analytics.Concentration.Fraction", false)]
    public void LayerRules_BanTheLayersAboveConformance(string ns, string type, bool banned) =>
        Assert.Equal(banned, LayerRules.Conformance.Bans(ns, type));

    [Fact]
    public void Client_ReferencesOnlyCore()
    {
        AssertNone(AssemblyRuleScanner.Scan(ClientPath, LayerRules.Client), "Fairshare.Client breaks the Client rules");
        Assert.Equal(["Fairshare.Core"], AssemblyRuleScanner.ReadAssemblyReferences(ClientPath).Where(LayerRules.IsFairshare));
    }

    [Fact]
    public void Server_DoesNotReferenceTheApps()
    {
        AssertNone(AssemblyRuleScanner.Scan(ServerPath, LayerRules.Server), "Fairshare.Server breaks the Server rules");
        Assert.DoesNotContain(AssemblyRuleScanner.ReadAssemblyReferences(ServerPath), name => name.Equals("fairshare", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Fairshare.Node", AssemblyRuleScanner.ReadAssemblyReferences(ServerPath));
    }

    [Fact]
    public void Scanner_CatchesNodeTypesUnderTheClientRules()
    {
        // The server uses Node's types: under the Client's rules both the reference and the uses are violations.
        var violations = AssemblyRuleScanner.Scan(ServerPath, LayerRules.Client);

        Assert.Contains(violations, v => v.Rule == Violation.AssemblyReference && v.Detail == "Fairshare.Node");
        Assert.Contains(violations, v => v.Rule == Violation.BannedApi && v.Detail.StartsWith("Fairshare.Node.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Fairshare.Core", true, true)]
    [InlineData("Fairshare.Compute", false, true)]
    [InlineData("Fairshare.Node", false, true)]
    [InlineData("Fairshare.Client", false, true)]
    [InlineData("Fairshare.Analytics", false, true)]
    [InlineData("Fairshare.Server", false, false)]
    [InlineData("fairshare", false, false)]
    [InlineData("Microsoft.AspNetCore.Http.Abstractions", true, true)]
    public void LayerRules_LetClientReachCoreAndServerEverythingButTheApps(string assembly, bool client, bool server)
    {
        Assert.Equal(client, LayerRules.Client.MayReferenceAssembly(assembly));
        Assert.Equal(server, LayerRules.Server.MayReferenceAssembly(assembly));
    }

    private static string Beside(string fileName) => Path.Combine(AppContext.BaseDirectory, fileName);

    private static string Listed(IEnumerable<Violation> violations) => string.Join('\n', violations);

    private static void AssertNone(IEnumerable<Violation> violations, string what)
    {
        var all = violations.ToList();
        if (all.Count > 0) Assert.Fail($"{what}: {all.Count} violation(s)\n{Listed(all)}");
    }
}
