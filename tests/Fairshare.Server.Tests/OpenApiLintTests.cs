using System.Text.Json;
using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>
/// The OpenAPI document a running node serves passes <c>redocly lint</c> (Redocly CLI 2.77.0, pinned by
/// eng/redocly/package-lock.json) under eng/redocly/redocly.yaml: Redocly's recommended rules as errors, plus 4xx answers
/// as RFC 9457 problem details. Without the tool the test fails (scripts/setup.sh installs it); it never skips.
/// </summary>
public sealed class OpenApiLintTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task ServedDocument_PassesRedoclyLint_WithNoErrorsOrWarnings()
    {
        var url = new Uri(_node.Url, "openapi/v1.json").ToString();

        var (exitCode, output) = await Task.Run(() => Redocly.Lint(url));

        Assert.True(exitCode == 0, $"redocly lint failed ({exitCode}):\n{output}");
        using var report = JsonDocument.Parse(output);
        var totals = report.RootElement.GetProperty("totals");
        Assert.Equal("2.77.0", report.RootElement.GetProperty("version").GetString());
        Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, output);
        Assert.Equal(0, report.RootElement.GetProperty("problems").GetArrayLength());
    }
}
