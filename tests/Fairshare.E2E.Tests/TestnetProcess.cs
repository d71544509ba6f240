using System.Diagnostics;
using System.Text.Json;
using Fairshare.Client;
using Fairshare.Client.Dto;

namespace Fairshare.E2E.Tests;

/// <summary>
/// A local testnet of real processes on 127.0.0.1, started with the built CLI (<c>fairshare testnet up --detach</c>) in a
/// temporary folder and stopped (<c>testnet down</c>, then SIGKILL of anything left) on dispose.
/// </summary>
public sealed class TestnetProcess : IDisposable
{
    private readonly List<int> _restarted = [];

    private TestnetProcess(string directory, IReadOnlyList<Member> members)
    {
        Directory = directory;
        Members = members;
    }

    /// <summary>The testnet's folder.</summary>
    public string Directory { get; }

    /// <summary>Its processes as testnet.json lists them.</summary>
    public IReadOnlyList<Member> Members { get; private set; }

    /// <summary>The validators.</summary>
    public IReadOnlyList<Member> Validators => [.. Members.Where(m => m.Role == "validator")];

    /// <summary>Starts a testnet with the given <c>testnet up</c> options.</summary>
    public static TestnetProcess Start(params string[] options)
    {
        string directory = Path.Combine(Path.GetTempPath(), "fairshare-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        var (code, output) = Cli.Run(TimeSpan.FromSeconds(120), ["testnet", "up", "--dir", directory, "--detach", .. options]);
        if (code != 0) throw new InvalidOperationException($"testnet up failed ({code}):\n{output}\n{Logs(directory)}");
        return new TestnetProcess(directory, ReadMembers(directory));
    }

    /// <summary>A client of a member's API (or of the node an agent talks to).</summary>
    public static FairshareClient ClientOf(Member member) => new(new Uri(member.Url.TrimEnd('/') + "/"), TimeSpan.FromSeconds(15));

    /// <summary>Every validator's status (null for one that does not answer).</summary>
    public async Task<NodeStatus?[]> StatusesAsync()
    {
        return await Task.WhenAll(Validators.Select(async v =>
        {
            using var client = ClientOf(v);
            try
            {
                return await client.GetStatusAsync();
            }
            catch (FairshareApiException)
            {
                return null;
            }
        }));
    }

    /// <summary>SIGKILLs a member's process (kill -9) and waits until it is gone.</summary>
    public static void Kill(Member member)
    {
        using var process = Process.GetProcessById(member.Pid);
        process.Kill();
        process.WaitForExit(10_000);
    }

    /// <summary>Starts a killed member again with its original command line, appending to its log; returns the new pid.</summary>
    public int Restart(Member member)
    {
        var args = member.Arguments ?? throw new InvalidOperationException($"{member.Name} has no recorded command line");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in (string[])["-c", "exec \"$@\" >>\"$LOG\" 2>&1", "sh", Cli.Path, .. args]) start.ArgumentList.Add(arg);
        start.Environment["LOG"] = member.Log;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + member.Name);
        _restarted.Add(process.Id);
        return process.Id;
    }

    /// <summary>The tail of every log, for failure messages.</summary>
    public string Logs() => Logs(Directory);

    /// <inheritdoc/>
    public void Dispose()
    {
        Cli.Run(TimeSpan.FromSeconds(60), ["testnet", "down", "--dir", Directory]);
        foreach (var pid in _restarted.Concat(Members.Select(m => m.Pid)))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (!process.HasExited) process.Kill();
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Logs(string directory)
    {
        var folder = Path.Combine(directory, "logs");
        if (!System.IO.Directory.Exists(folder)) return "(no logs)";
        return string.Join('\n', System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f =>
            $"== {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(15))}"));
    }

    private static List<Member> ReadMembers(string directory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "testnet.json")));
        return [.. document.RootElement.GetProperty("members").EnumerateArray().Select(m => new Member(
            m.GetProperty("role").GetString()!,
            m.GetProperty("name").GetString()!,
            m.GetProperty("url").GetString()!,
            m.GetProperty("pid").GetInt32(),
            m.GetProperty("log").GetString()!,
            m.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : null))];
    }

    /// <summary>One process of the testnet.</summary>
    public sealed record Member(string Role, string Name, string Url, int Pid, string Log, IReadOnlyList<string>? Arguments);
}
