using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Fairshare.Cli.Tests.Logging;
using Fairshare.Testing;
using Fairshare.Testnet;
using Xunit.Abstractions;

namespace Fairshare.Cli.Tests.Shipping;

/// <summary>
/// The CLI as a .NET tool (issue 20): packed from this build and installed offline from that package alone, the
/// installed <c>fairshare</c> prints the package's version, runs, loads every native library it carries (SQLite,
/// libsodium, ONNX Runtime, SkiaSharp) and serves the node's dashboard from its embedded files.
/// </summary>
public sealed class ToolPackageTests(PackedTool tool, ITestOutputHelper output) : IClassFixture<PackedTool>, IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "fairshare-tool-home-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void InstalledTool_Version_IsThePackagesVersion_AndThisBuilds()
    {
        var run = tool.Run(_home, "--version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(tool.Version, run.Stdout.Trim());
        Assert.Equal(FileVersionInfo.GetVersionInfo(CliBuild.Dll).ProductVersion, tool.Version);
        output.WriteLine($"Fairshare.Cli {tool.Version}: {new FileInfo(tool.Package).Length / 1e6:0.0} MB; pack {tool.PackTime.TotalSeconds:0.0} s, install {tool.InstallTime.TotalSeconds:0.0} s");
    }

    [Fact]
    public void InstalledTool_Help_ExitsZero_AndListsTheCommands()
    {
        var run = tool.Run(_home, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var command in new[] { "init", "node", "provider", "job", "report" })
            Assert.Contains($"\n  {command} ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void InstalledTool_LoadsItsNativeLibraries_SqliteSodiumOnnxRuntimeAndSkia()
    {
        // init: libsodium (Ed25519 keys, the keystore) and SQLite (the chain store).
        var init = tool.Run(_home, "init", "--json");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(init.Stdout)!["chainId"]!.GetValue<string>()));

        // provider detect: ONNX Runtime runs a tiny model on the CPU execution provider.
        var detect = tool.Run(_home, "provider", "detect", "--benchmark-ms", "100", "--json");
        Assert.True(detect.ExitCode == 0, detect.ToString());
        var cpu = JsonNode.Parse(detect.Stdout)!["executionProviders"]!.AsArray().Single(p => p!["provider"]!.GetValue<string>() == "cpu")!;
        Assert.True(cpu["loads"]!.GetValue<bool>(), detect.Stdout);

        // report --out: ScottPlot draws through SkiaSharp (and Parquet.Net writes the tables).
        string charts = Path.Combine(_home, "charts");
        var report = tool.Run(_home, "report", "--out", charts);
        Assert.True(report.ExitCode == 0, report.ToString());
        var png = File.ReadAllBytes(Path.Combine(charts, "lorenz.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(File.Exists(Path.Combine(charts, "concentration.parquet")));
    }

    [Fact]
    public async Task InstalledTool_NodeStart_ServesTheApiAndTheDashboard()
    {
        var init = tool.Run(_home, "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        var ports = new FreePorts();
        string api = $"http://127.0.0.1:{ports.Next()}";
        var info = new ProcessStartInfo(tool.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "node", "start", "--data", _home, "--api", api, "--raft", $"127.0.0.1:{ports.Next()}" }) info.ArgumentList.Add(arg);
        info.Environment.Remove("FAIRSHARE_PASSPHRASE");
        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.True(await LoggedProcess.WaitHealthyAsync(http, api, node), $"the installed node did not become healthy\n{(node.HasExited ? await stderr : "")}");

            using var dashboard = await http.GetAsync(new Uri(api + "/"));
            string page = await dashboard.Content.ReadAsStringAsync();
            Assert.True(dashboard.IsSuccessStatusCode, page);
            Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
            Assert.Contains("dashboard/app.js", page, StringComparison.Ordinal);
            using var script = await http.GetAsync(new Uri(api + "/dashboard/app.js"));
            Assert.True(script.IsSuccessStatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000);
            var status = JsonNode.Parse(await http.GetStringAsync(new Uri(api + "/v1/status")))!;
            Assert.True(status["height"]!.GetValue<ulong>() >= 1);
        }
        finally
        {
            bool killed = ProcessSupervisor.Stop(node.Id, node.StartTime, TimeSpan.FromSeconds(30));
            await node.WaitForExitAsync();
            Assert.False(killed, "the installed node did not stop on SIGTERM: " + await stdout);
        }
    }

    [Fact]
    public void Package_IsADotnetTool_WithItsMetadata_AndOnlyThisPlatformsNativeLibraries()
    {
        Assert.Equal("Fairshare.Cli", tool.Metadata("id"));
        Assert.Equal("DotnetTool", tool.Nuspec.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(tool.Metadata("license")));
        Assert.StartsWith("https://", tool.Nuspec.Descendants().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.Contains(tool.Metadata("readme"), tool.Entries);

        // One tool folder: tools/net10.0/RID/ for the RID the build targets (linux-x64 on a linux-x64 host, see
        // Directory.Build.props), else tools/net10.0/any/.
        string rid = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64 ? "linux-x64" : "any";
        string folder = $"tools/net10.0/{rid}/";
        Assert.Contains(folder + "DotnetToolSettings.xml", tool.Entries);
        Assert.Contains(folder + "fairshare.dll", tool.Entries);
        Assert.All(tool.Entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal)), e => Assert.StartsWith(folder, e, StringComparison.Ordinal));
        if (rid == "linux-x64")
        {
            foreach (var native in new[] { "libonnxruntime.so", "libe_sqlite3.so", "libsodium.so", "libSkiaSharp.so" }) Assert.Contains(folder + native, tool.Entries);
            // Microsoft.ML.OnnxRuntime's build props copy its win-x64 DLLs into every x64 output; the tool leaves them out.
            Assert.DoesNotContain(tool.Entries, e => Path.GetFileName(e).StartsWith("onnxruntime", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal));
        }

        // No XML docs in a tool.
        Assert.DoesNotContain(tool.Entries, e => e.StartsWith(folder, StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal) && !e.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
    }
}
