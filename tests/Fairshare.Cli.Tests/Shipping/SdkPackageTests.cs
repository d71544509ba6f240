using System.IO.Compression;
using System.Xml.Linq;
using Fairshare.Testing;

namespace Fairshare.Cli.Tests.Shipping;

/// <summary>
/// The SDK's packages (issue 20): <c>dotnet pack --no-build</c> of Fairshare.Client and of Fairshare.Core, which it
/// references, makes a .nupkg whose nuspec names its id, licence, repository, readme, description and tags, with the
/// readme, the assembly and its XML docs inside; the SDK depends on the Core package of the same version.
/// </summary>
public sealed class SdkPackageTests : IDisposable
{
    private readonly string _feed = Path.Combine(Path.GetTempPath(), "fairshare-sdk-pack-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_feed)) Directory.Delete(_feed, recursive: true);
    }

    [Theory]
    [InlineData("Fairshare.Client")]
    [InlineData("Fairshare.Core")]
    public void Pack_WritesAPackage_WithIdLicenceRepositoryAndReadme(string project)
    {
        string path = Path.Combine(CliBuild.RepositoryRoot, "src", project, project + ".csproj");
        var pack = ProcessRun.Run("dotnet", ["pack", path, "-c", CliBuild.Configuration, "--no-build", "-o", _feed, "-nologo", "-v", "q"],
            CliBuild.RepositoryRoot, TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, pack.ToString());

        string package = Assert.Single(Directory.GetFiles(_feed, project + ".*.nupkg"));
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        XDocument nuspec;
        using (var stream = zip.GetEntry(project + ".nuspec")!.Open()) nuspec = XDocument.Load(stream);
        string Metadata(string name) => nuspec.Descendants().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

        Assert.Equal(project, Metadata("id"));
        string version = Metadata("version");
        Assert.Equal(package, Path.Combine(_feed, $"{project}.{version}.nupkg"));
        var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(license.Value));
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.Equal("README.md", Metadata("readme"));
        Assert.Contains("README.md", entries);
        using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open())) Assert.StartsWith("# " + project, readme.ReadToEnd(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Metadata("description")));
        Assert.Contains("fairshare", Metadata("tags").Split(' '));
        Assert.Contains($"lib/net10.0/{project}.dll", entries);
        Assert.Contains($"lib/net10.0/{project}.xml", entries);

        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
        if (project == "Fairshare.Client")
        {
            Assert.Equal(version, dependencies["Fairshare.Core"]);
            Assert.Contains("Polly.Core", dependencies.Keys);
        }
        else
        {
            Assert.Equal(["NSec.Cryptography"], dependencies.Keys); // the banned-API analyzer stays private
        }
    }
}
