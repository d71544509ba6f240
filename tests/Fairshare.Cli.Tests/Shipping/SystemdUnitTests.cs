using System.CommandLine.Parsing;
using Fairshare.Testing;

namespace Fairshare.Cli.Tests.Shipping;

/// <summary>
/// The sample systemd units (deploy/systemd/, issue 20) cannot rot: each ExecStart is a command line the real CLI's
/// parser accepts (the command, every option and its value), its data directory is the one path the hardened unit may
/// write, the passphrase comes from a credential file and never sits in the unit, and where <c>systemd-analyze</c>
/// exists it verifies the unit (keys, sections, the command's executable) without a complaint.
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "fairshare-units-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }

    [Theory]
    [InlineData("fairshare-validator.service", "node start")]
    [InlineData("fairshare-provider.service", "provider start")]
    public void Unit_ExecStart_IsACommandLineTheCliAccepts_InAHardenedService(string file, string command)
    {
        string path = Path.Combine(CliBuild.RepositoryRoot, "deploy", "systemd", file);
        var unit = SystemdUnit.Read(path);

        var execStart = Assert.Single(unit.Values("Service", "ExecStart"));
        var words = SystemdUnit.Words(execStart);
        Assert.True(Path.IsPathRooted(words[0]), $"systemd wants an absolute executable: {words[0]}");
        Assert.Equal("fairshare", Path.GetFileName(words[0]));
        var parsed = CliApp.Parse([.. words.Skip(1)]);
        Assert.True(parsed.Errors.Count == 0, $"{file}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        Assert.Equal(command, CommandPath(parsed.CommandResult));
        Assert.Equal("json", parsed.GetValue<string>("--log-format"));
        Assert.Equal("information", parsed.GetValue<string>("--log-level"));

        // The data directory is the one place the service writes, and it is the service's state directory.
        string data = parsed.GetValue(CliApp.DataOption)!;
        Assert.Equal([data], unit.Values("Service", "ReadWritePaths"));
        Assert.Equal("/var/lib/" + unit.Service("StateDirectory"), data);

        // Hardening.
        Assert.False(string.IsNullOrEmpty(unit.Service("User")));
        Assert.NotEqual("root", unit.Service("User"));
        Assert.Equal("yes", unit.Service("NoNewPrivileges"));
        Assert.Equal("strict", unit.Service("ProtectSystem"));
        Assert.Equal("yes", unit.Service("ProtectHome"));
        Assert.Equal("yes", unit.Service("PrivateTmp"));
        Assert.Equal(string.Empty, unit.Service("CapabilityBoundingSet"));
        Assert.Equal("on-failure", unit.Service("Restart"));
        Assert.Null(unit.Service("MemoryDenyWriteExecute")); // the .NET JIT writes code

        // The passphrase: a credential file handed over by systemd, named to the CLI by FAIRSHARE_PASSPHRASE_FILE;
        // never inline.
        var environment = unit.Values("Service", "Environment").SelectMany(SystemdUnit.Words).ToList();
        Assert.DoesNotContain(environment, e => e.StartsWith("FAIRSHARE_PASSPHRASE=", StringComparison.Ordinal));
        Assert.DoesNotContain("FAIRSHARE_PASSPHRASE", execStart, StringComparison.Ordinal);
        string credential = Assert.Single(unit.Values("Service", "LoadCredential")).Split(':')[0];
        Assert.Contains($"FAIRSHARE_PASSPHRASE_FILE=%d/{credential}", environment);

        if (SystemdAnalyze() is { } analyze) AssertVerifies(analyze, path, words[0]);
    }

    /// <summary>
    /// <c>systemd-analyze verify</c> of a copy whose executable is this build's apphost (the unit's /opt path is not
    /// installed here): exit 0, and not a word about an unknown key, a bad value or a missing executable.
    /// </summary>
    private void AssertVerifies(string analyze, string path, string executable)
    {
        Directory.CreateDirectory(_scratch);
        string copy = Path.Combine(_scratch, Path.GetFileName(path));
        File.WriteAllText(copy, File.ReadAllText(path).Replace(executable, CliBuild.AppHost, StringComparison.Ordinal));
        var verify = ProcessRun.Run(analyze, ["verify", copy], _scratch, TimeSpan.FromMinutes(1));
        Assert.True(verify.ExitCode == 0, verify.ToString());
        string said = verify.Stdout + verify.Stderr;
        foreach (var complaint in new[] { "Unknown", "ignoring", "Invalid", "Failed", "not executable", "Missing" })
            Assert.DoesNotContain(complaint, said, StringComparison.OrdinalIgnoreCase);
    }

    private static string? SystemdAnalyze() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "systemd-analyze"))
            .FirstOrDefault(File.Exists);

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent) names.Insert(0, current.Command.Name);
        return string.Join(' ', names);
    }
}
