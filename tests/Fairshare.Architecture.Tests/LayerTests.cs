namespace Fairshare.Architecture.Tests;

/// <summary>The layer rules of docs/architecture.md, checked on the compiled assemblies.</summary>
public sealed class LayerTests
{
    private static string Beside(string assembly) => Path.Combine(AppContext.BaseDirectory, assembly);

    private static string SelfPath => typeof(LayerTests).Assembly.Location;

    private static void AssertClean(IReadOnlyList<Violation> violations) =>
        Assert.True(violations.Count == 0, "layer rules broken:\n" + string.Join('\n', violations));

    [Fact]
    public void Core_UsesNoClockRandomnessIoThreadsOrFloatingPoint() =>
        AssertClean(AssemblyRuleScanner.Scan(Beside("Fairshare.Core.dll"), LayerRules.Core));

    [Fact]
    public void Core_ReferencesNoHigherLayer()
    {
        var violations = AssemblyRuleScanner.Scan(Beside("Fairshare.Core.dll"), LayerRules.Core);
        Assert.DoesNotContain(violations, v => v.Rule == "assembly-reference");
        var references = System.Reflection.Assembly.LoadFrom(Beside("Fairshare.Core.dll")).GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain(references, name => name!.StartsWith("Fairshare.", StringComparison.Ordinal));
    }

    [Fact]
    public void Node_DoesNotReferenceTheApps() =>
        AssertClean(AssemblyRuleScanner.Scan(Beside("Fairshare.Node.dll"), LayerRules.Node));

    [Fact]
    public void Scanner_CatchesEachKindOfViolation()
    {
        var violations = AssemblyRuleScanner.Scan(SelfPath, LayerRules.Core, "Fairshare.Architecture.Tests.Samples.Forbidden");
        void Expect(string typeName, string rule, string detail) =>
            Assert.Contains(violations, v => v.Location.Contains(typeName, StringComparison.Ordinal) && v.Rule == rule && v.Detail.Contains(detail, StringComparison.Ordinal));
        Expect("UsesClock", "type-reference", "System.DateTime");
        Expect("UsesRandomness", "type-reference", "System.Random");
        Expect("UsesFiles", "type-reference", "System.IO.File");
        Expect("UsesTasks", "type-reference", "System.Threading.Tasks.Task");
        Assert.True(violations.Any(v => v.Location.Contains("UsesFloatOpcodes", StringComparison.Ordinal) && v.Rule == "float-opcode"), string.Join("\n", violations));
        Expect("UsesFloatField", "float-signature", "field");
        Expect("UsesDecimal", "float-signature", "parameter or return type");
    }

    [Fact]
    public void Scanner_AcceptsIntegerMathBigIntegerAndSha256() =>
        AssertClean(AssemblyRuleScanner.Scan(SelfPath, LayerRules.Core, "Fairshare.Architecture.Tests.Samples.Clean"));

    [Fact]
    public void Scanner_CatchesAReferenceToAForbiddenLayer()
    {
        // The app references Node; judged by Node's rules (which forbid every Fairshare assembly but Core), that is a violation.
        var violations = AssemblyRuleScanner.Scan(Beside("fairshare.dll"), LayerRules.Node);
        Assert.Contains(violations, v => v.Rule == "assembly-reference" && v.Detail == "Fairshare.Node");
        Assert.False(LayerRules.Core.MayReferenceAssembly("Fairshare.Node"));
        Assert.False(LayerRules.Core.MayReferenceAssembly("Microsoft.Data.Sqlite"));
        Assert.True(LayerRules.Core.MayReferenceAssembly("NSec.Cryptography"));
    }
}
