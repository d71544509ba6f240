using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Fairshare.Testing;

namespace Fairshare.Cli.Tests.Shipping;

/// <summary>
/// The CLI as a user of its package gets it: <c>dotnet pack --no-build</c> of this test run's CLI build into a folder,
/// then <c>dotnet tool install --tool-path</c> from that folder alone (a NuGet config that clears every other source,
/// and a packages folder of its own: nothing comes from a registry or an earlier install). Made once for the tests
/// that share it; removed after them.
/// </summary>
public sealed class PackedTool : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Packs and installs.</summary>
    public PackedTool()
    {
        Root = Path.Combine(Path.GetTempPath(), "fairshare-tool-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        ToolPath = Path.Combine(Root, "tool");
        Directory.CreateDirectory(Feed);

        var watch = Stopwatch.StartNew();
        string project = Path.Combine(CliBuild.RepositoryRoot, "src", "Fairshare.Cli", "Fairshare.Cli.csproj");
        // The publish step of a tool's pack goes to a folder of this run's, not into the CLI's bin/ beside the build.
        string publish = Path.Combine(Root, "publish") + Path.DirectorySeparatorChar;
        var pack = ProcessRun.Run("dotnet", ["pack", project, "-c", CliBuild.Configuration, "--no-build", "-o", Feed, "-p:PublishDir=" + publish, "-nologo", "-v", "q"],
            CliBuild.RepositoryRoot, Limit);
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack of the CLI failed: " + pack);
        PackTime = watch.Elapsed;
        Package = Directory.GetFiles(Feed, "*.nupkg").Single();
        using (var zip = ZipFile.OpenRead(Package))
        {
            Entries = [.. zip.Entries.Select(e => e.FullName)];
            using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            Nuspec = XDocument.Load(nuspec);
        }

        Version = Metadata("version");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="fairshare-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        watch.Restart();
        var install = ProcessRun.Run("dotnet", ["tool", "install", "--tool-path", ToolPath, "--configfile", Path.Combine(Root, "nuget.config"), Metadata("id"), "--version", Version],
            Root, Limit, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") });
        if (install.ExitCode != 0) throw new InvalidOperationException("dotnet tool install of the packed CLI failed: " + install);
        InstallTime = watch.Elapsed;
        Executable = Path.Combine(ToolPath, "fairshare");
    }

    /// <summary>The folder of everything this fixture made.</summary>
    public string Root { get; }

    /// <summary>The package folder (the only source of the install).</summary>
    public string Feed { get; }

    /// <summary>The tool path the CLI was installed into.</summary>
    public string ToolPath { get; }

    /// <summary>The <c>.nupkg</c>.</summary>
    public string Package { get; }

    /// <summary>The paths inside the package.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>The package's <c>.nuspec</c>.</summary>
    public XDocument Nuspec { get; }

    /// <summary>The package's version.</summary>
    public string Version { get; }

    /// <summary>The installed command (<c>TOOLPATH/fairshare</c>).</summary>
    public string Executable { get; }

    /// <summary>How long <c>dotnet pack</c> took.</summary>
    public TimeSpan PackTime { get; }

    /// <summary>How long <c>dotnet tool install</c> took.</summary>
    public TimeSpan InstallTime { get; }

    /// <summary>A metadata element of the nuspec, by local name (its text; empty when absent).</summary>
    public string Metadata(string name) => Nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

    /// <summary>Runs the installed command with <paramref name="home"/> as its data directory.</summary>
    public CliRun Run(string home, params string[] args) =>
        ProcessRun.Run(Executable, args, Root, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["FAIRSHARE_HOME"] = home });

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
