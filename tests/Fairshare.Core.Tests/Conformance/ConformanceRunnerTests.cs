using System.Collections.Immutable;
using Fairshare.Conformance;

namespace Fairshare.Core.Tests.Conformance;

public sealed class ConformanceRunnerTests
{
    /// <summary>A toy family used to check the runner's comparison rules: add(a, b) = a + b, fails "ZERO" on zero.</summary>
    private sealed class Toy : IVectorOperations
    {
        public string Primitive => "toy";

        public VectorOutcome? Evaluate(VectorCase vector)
        {
            if (vector.Operation == "nested") return VectorOutcome.Success([new("steps", "[{},{\"paid\":\"1\"}]"), new("list", "1,2")]);
            if (vector.Operation != "add") return null;
            var a = System.Numerics.BigInteger.Parse(vector.Inputs["a"]);
            var b = System.Numerics.BigInteger.Parse(vector.Inputs["b"]);
            return a.IsZero || b.IsZero ? VectorOutcome.Fail("ZERO") : VectorOutcome.Success([new("sum", (a + b).ToString())]);
        }
    }

    private static string File(string cases, int? count = null, string schema = "defi-vectors/1") =>
        $$"""{ "schema": "{{schema}}", "set": "test", {{(count is null ? "" : $"\"count\": {count},")}} "cases": [{{cases}}] }""";

    private static string Case(string id, string op, string inputs, string expected, string primitive = "toy") =>
        $$"""{ "id": "{{id}}", "primitive": "{{primitive}}", "op": "{{op}}", "inputs": {{inputs}}, "expected": {{expected}} }""";

    private static ConformanceReport Run(string json) => new ConformanceRunner([new Toy()]).Run(json);

    [Fact]
    public void MatchingOutputsAndErrors_Pass_AndMismatches_AreExplained()
    {
        var report = Run(File(string.Join(',',
            Case("c1", "add", """{"a":"2","b":"3"}""", """{"sum":"5"}"""),
            Case("c2", "add", """{"a":"0","b":"3"}""", """{"error":"ZERO"}"""),
            Case("c3", "add", """{"a":"2","b":"3"}""", """{"sum":"6"}"""),
            Case("c4", "add", """{"a":"0","b":"3"}""", """{"error":"OTHER"}"""),
            Case("c5", "add", """{"a":"2","b":"3"}""", """{"error":"ZERO"}"""),
            Case("c6", "mul", """{"a":"2","b":"3"}""", """{"product":"6"}"""),
            Case("c7", "add", """{"a":"1","b":"1"}""", """{"sum":"2"}""", primitive: "uniswap_v9")), count: 7));
        Assert.Equal(2, report.Passed);
        Assert.Equal(5, report.Failed);
        var reasons = report.Failures.ToImmutableDictionary(f => f.Id, f => f.Reason);
        Assert.Equal("sum: expected 6, got 5", reasons["c3"]);
        Assert.Equal("expected error OTHER, got ZERO", reasons["c4"]);
        Assert.StartsWith("expected error ZERO, got success", reasons["c5"], StringComparison.Ordinal);
        Assert.Contains("not implemented", reasons["c6"], StringComparison.Ordinal);
        Assert.Contains("not implemented", reasons["c7"], StringComparison.Ordinal);
    }

    [Fact]
    public void NestedExpectedOutputs_AreComparedAsCompactJson_WhateverTheFileIndentation()
    {
        var report = Run(File(Case("n1", "nested", "{}", """
            {
              "steps": [ {}, { "paid": "1" } ],
              "list": [ "1", "2" ]
            }
            """), count: 1));
        Assert.Equal(1, report.Passed);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "$: must be an object")]
    [InlineData("""{"schema":"other/1","cases":[]}""", "$.schema")]
    [InlineData("""{"schema":"defi-vectors/1"}""", "$.cases")]
    [InlineData("""{"schema":"defi-vectors/1","count":2,"cases":[]}""", "$.count")]
    [InlineData("""{"schema":"defi-vectors/1","cases":[{"id":"x","primitive":"toy","op":"add","inputs":{}}]}""", "cases[0].expected")]
    [InlineData("""{"schema":"defi-vectors/1","cases":[{"id":"","primitive":"toy","op":"add","inputs":{},"expected":{}}]}""", "cases[0].id")]
    [InlineData("""{"schema":"defi-vectors/1","cases":[{"id":"x","primitive":"toy","op":"add","inputs":{},"expected":{"error":"E","z":"1"}}]}""", "an error case holds only 'error'")]
    public void FilesOffTheSchema_AreRefusedWithThePlace(string json, string mustContain)
    {
        var error = Assert.Throws<VectorFileException>(() => Run(json));
        Assert.Contains(mustContain, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePublicDefiVectors_FollowTheSchema()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "spec", "vectors", "defi-public.json");
        var (schema, cases) = ConformanceRunner.Parse(System.IO.File.ReadAllText(path));
        Assert.Equal("defi-vectors/1", schema);
        Assert.Equal(261, cases.Length);
        Assert.All(cases, c => Assert.True(c.ExpectedError is not null || !c.Expected.IsEmpty, c.Id));
    }

    [Fact]
    public void EveryPublicDefiVector_PassesThroughTheRealOperations()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "spec", "vectors", "defi-public.json");
        var report = new ConformanceRunner(DefiOperations.All).Run(System.IO.File.ReadAllText(path));
        Assert.Empty(report.Failures.Select(f => $"{f.Id} {f.Primitive}.{f.Operation}: {f.Reason}"));
        Assert.Equal(261, report.Passed);
    }
}
