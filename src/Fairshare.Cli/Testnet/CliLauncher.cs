using System.Collections.Immutable;
using System.Reflection;

namespace Fairshare.Cli.Testnet;

/// <summary>How to start this CLI as a child process: the executable, and the arguments that come before the command's.</summary>
/// <param name="FileName">The executable (the apphost, or <c>dotnet</c>).</param>
/// <param name="Prefix">Arguments before the command's (the entry assembly's path when the host is <c>dotnet</c>).</param>
public sealed record CliLauncher(string FileName, ImmutableArray<string> Prefix)
{
    /// <summary>This process's own executable: <see cref="Environment.ProcessPath"/>, plus the entry assembly under <c>dotnet</c>.</summary>
    public static CliLauncher Current()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the process has no executable path");
        bool viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        string? entry = Assembly.GetEntryAssembly()?.Location;
        return viaDotnet && !string.IsNullOrEmpty(entry) ? new CliLauncher(host, [entry]) : new CliLauncher(host, []);
    }

    /// <summary>The full argument list for a command.</summary>
    public ImmutableArray<string> Arguments(IEnumerable<string> command) => [.. Prefix, .. command];
}
