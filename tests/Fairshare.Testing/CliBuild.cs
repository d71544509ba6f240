namespace Fairshare.Testing;

/// <summary>
/// Where the solution build put the <c>fairshare</c> CLI for the configuration and framework the running test was
/// built with (<c>src/Fairshare.Cli/bin/CONFIG/TFM/</c>), for tests that start it as a separate process.
/// </summary>
public static class CliBuild
{
    /// <summary>The CLI's output folder.</summary>
    public static string Folder { get; } = Locate();

    /// <summary>The repository root (where <c>Fairshare.slnx</c> is).</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Folder, "..", "..", "..", "..", ".."));

    /// <summary>The build configuration of the running test (and of the CLI build beside it), e.g. <c>Release</c>.</summary>
    public static string Configuration => new DirectoryInfo(Folder).Parent!.Name;

    /// <summary><c>fairshare.dll</c> (run it with <c>dotnet</c>).</summary>
    public static string Dll => Path.Combine(Folder, "fairshare.dll");

    /// <summary>The <c>fairshare</c> app host (run it directly).</summary>
    public static string AppHost => Path.Combine(Folder, "fairshare");

    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = here.Name, configuration = here.Parent?.Name ?? "Release";
        for (var root = here; root is not null; root = root.Parent)
        {
            if (File.Exists(Path.Combine(root.FullName, "Fairshare.slnx")))
                return Path.Combine(root.FullName, "src", "Fairshare.Cli", "bin", configuration, tfm);
        }

        throw new DirectoryNotFoundException("the repository root (Fairshare.slnx) is not above " + AppContext.BaseDirectory);
    }
}
