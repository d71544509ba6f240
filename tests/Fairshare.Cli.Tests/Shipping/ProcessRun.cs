using System.Diagnostics;

namespace Fairshare.Cli.Tests.Shipping;

/// <summary>Runs a program to its end (dotnet pack, dotnet tool install, the installed tool) and returns what it wrote.</summary>
public static class ProcessRun
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="directory"/>, with
    /// <paramref name="environment"/> added, and kills it (its whole tree) after <paramref name="timeout"/>. MSBuild is
    /// told not to leave worker nodes behind: they would hold the output pipes open.
    /// </summary>
    public static CliRun Run(string fileName, IEnumerable<string> arguments, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("FAIRSHARE_PASSPHRASE");
        info.Environment.Remove("FAIRSHARE_PASSPHRASE_FILE");
        info.Environment.Remove("FAIRSHARE_NODE");
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s");
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
