using System.Diagnostics;
using System.Text.Json;

namespace Fairshare.Node.Chain;

/// <summary>
/// The note a running node leaves in its data directory (<see cref="DataDirectory.RunningNodePath"/>): its process id
/// and API base URL. Local CLI commands use it to talk to the node over HTTP instead of opening the store it holds.
/// </summary>
public sealed record RunningNode(int Pid, string ApiUrl)
{
    /// <summary>Writes the note (atomically: a temporary file renamed over the old one).</summary>
    public void Write(DataDirectory data)
    {
        var temporary = data.RunningNodePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, data.RunningNodePath, overwrite: true);
    }

    /// <summary>Removes the note if it is this process's.</summary>
    public static void Remove(DataDirectory data)
    {
        if (TryRead(data) is { } note && note.Pid == Environment.ProcessId) File.Delete(data.RunningNodePath);
    }

    /// <summary>The note of a node that is still running on the directory, or null (no note, a bad one, or a dead pid).</summary>
    public static RunningNode? TryRead(DataDirectory data)
    {
        RunningNode? note;
        try
        {
            note = JsonSerializer.Deserialize<RunningNode>(File.ReadAllText(data.RunningNodePath));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }

        return note is not null && IsAlive(note.Pid) ? note : null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
