using System.Diagnostics;
using System.Text;

namespace Fairshare.Testing;

/// <summary>
/// Debian's <c>/usr/bin/python3</c> with <c>python3-numpy</c> and <c>python3-onnx</c> (installed by
/// <c>scripts/setup.sh</c>), an independent reference for tests: numpy reads and writes <c>.npy</c>/<c>.npz</c>, onnx infers
/// shapes. A missing interpreter or module is a failure that says what to run, never a skip.
/// </summary>
public static class Python
{
    /// <summary>The interpreter Debian's python3-numpy and python3-onnx belong to.</summary>
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with the arguments; returns its standard output, or throws with its standard error.</summary>
    public static string Run(string script, params string[] args)
    {
        if (!File.Exists(Interpreter)) throw new FileNotFoundException($"{Interpreter} is missing: run 'bash scripts/setup.sh'");
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python did not finish in 2 minutes");
        }

        process.WaitForExit();
        if (process.ExitCode == 0) return stdout;
        string error;
        lock (stderr) error = stderr.ToString();
        if (error.Contains("No module named", StringComparison.Ordinal))
            throw new InvalidOperationException($"a Python module is missing ({error.Trim()}): run 'bash scripts/setup.sh' (python3-numpy, python3-onnx)");
        throw new InvalidOperationException($"python failed with exit code {process.ExitCode}:\n{error}\n{stdout}");
    }
}
