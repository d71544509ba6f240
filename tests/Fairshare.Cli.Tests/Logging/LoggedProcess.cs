using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Fairshare.Testnet;

namespace Fairshare.Cli.Tests.Logging;

/// <summary>
/// A long-running CLI process (<c>node start</c>, <c>provider start</c>) whose standard output is collected line by
/// line as it comes, stopped with SIGTERM as systemd stops it; and the checks of its JSON log lines.
/// </summary>
public sealed class LoggedProcess : IDisposable
{
    /// <summary>The fields every JSON log line has (the JSON console formatter with a timestamp).</summary>
    public static readonly string[] Fields = ["Timestamp", "EventId", "LogLevel", "Category", "Message", "State"];

    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly DateTime _started;

    /// <summary>Starts the process <paramref name="info"/> describes.</summary>
    public LoggedProcess(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        _process = Process.Start(info)!;
        _started = _process.StartTime;
        _stderr = _process.StandardError.ReadToEndAsync();
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line) _lines.Enqueue(line);
        };
        _process.BeginOutputReadLine();
    }

    /// <summary>The process.</summary>
    public Process Process => _process;

    /// <summary>The standard output lines so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Waits until a line satisfies <paramref name="match"/> (true), or the process ends or the time is up (false).</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_lines.Any(match)) return true;
            if (_process.HasExited) return _lines.Any(match);
            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>SIGTERM, as systemd stops a service; true when it stopped by itself (no SIGKILL needed) with exit code 0.</summary>
    public async Task<bool> StopAsync()
    {
        bool killed = ProcessSupervisor.Stop(_process.Id, _started, TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync();
        return !killed && _process.ExitCode == 0;
    }

    /// <summary>Standard error, once the process has ended.</summary>
    public Task<string> Stderr => _stderr;

    /// <summary>What it wrote, for a failure message.</summary>
    public override string ToString() => string.Join('\n', _lines) + (_process.HasExited ? "\nstderr:\n" + _stderr.Result : string.Empty);

    /// <summary>Each line parsed as a JSON log event, each checked to have <see cref="Fields"/> of the right kinds.</summary>
    public IReadOnlyList<JsonElement> Events()
    {
        var events = new List<JsonElement>();
        foreach (var line in _lines)
        {
            JsonElement e;
            try
            {
                e = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException error)
            {
                throw new Xunit.Sdk.XunitException($"a standard output line is not JSON ({error.Message}): {line}");
            }

            Assert.Equal(JsonValueKind.Object, e.ValueKind);
            foreach (var field in Fields) Assert.True(e.TryGetProperty(field, out _), $"no {field} in {line}");
            Assert.True(DateTimeOffset.TryParse(e.GetProperty("Timestamp").GetString(), out _), line);
            Assert.Equal(JsonValueKind.Number, e.GetProperty("EventId").ValueKind);
            Assert.Contains(e.GetProperty("LogLevel").GetString(), Levels);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("Category").GetString()), line);
            Assert.Equal(JsonValueKind.Object, e.GetProperty("State").ValueKind);
            events.Add(e);
        }

        return events;
    }

    /// <summary>Polls <c>/health</c> (or <paramref name="path"/>) until it answers 200, for up to a minute or until the process ends.</summary>
    public static async Task<bool> WaitHealthyAsync(HttpClient http, string api, Process process, string path = "/health")
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(process);
        for (int i = 0; i < 600 && !process.HasExited; i++)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(api + path));
                if (answer.IsSuccessStatusCode) return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // ended meanwhile
        }

        _process.Dispose();
    }
}
