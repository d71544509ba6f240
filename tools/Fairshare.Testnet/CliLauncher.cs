using System.Collections.Immutable;

namespace Fairshare.Testnet;

/// <summary>How to start this CLI as a child process: the executable, and the arguments that come before the command's.</summary>
/// <param name="FileName">The executable (the apphost, or <c>dotnet</c>).</param>
/// <param name="Prefix">Arguments before the command's (the entry assembly's path when the host is <c>dotnet</c>).</param>
public sealed record CliLauncher(string FileName, ImmutableArray<string> Prefix)
{
    /// <summary>
    /// The <c>fairshare</c> CLI whose assembly is <paramref name="cliAssembly"/>: this process when it is the CLI's app
    /// host; otherwise (under <c>dotnet</c>, or hosted by another program such as <c>fairshare-bench</c>) the dotnet host
    /// running that assembly.
    /// </summary>
    public static CliLauncher For(string cliAssembly)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the process has no executable path");
        string name = Path.GetFileNameWithoutExtension(host);
        if (name == "fairshare") return new CliLauncher(host, []);
        string dotnet = name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? host : "dotnet";
        return new CliLauncher(dotnet, [cliAssembly]);
    }

    /// <summary>The full argument list for a command.</summary>
    public ImmutableArray<string> Arguments(IEnumerable<string> command) => [.. Prefix, .. command];
}
