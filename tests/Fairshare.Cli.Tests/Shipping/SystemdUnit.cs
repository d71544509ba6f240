using System.Text;

namespace Fairshare.Cli.Tests.Shipping;

/// <summary>
/// A systemd unit file read as systemd reads it, as far as the tests need: sections, <c>Key=value</c> lines (a key may
/// repeat), comments, lines continued with a trailing backslash, and an ExecStart command line split into words with
/// systemd's quoting.
/// </summary>
public sealed class SystemdUnit
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    private SystemdUnit(string path) => Path = path;

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Reads the unit at <paramref name="path"/>.</summary>
    public static SystemdUnit Read(string path)
    {
        var unit = new SystemdUnit(path);
        string section = string.Empty;
        var pending = new StringBuilder();
        foreach (var raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line[0] is '#' or ';')) continue;
            if (line.EndsWith('\\'))
            {
                pending.Append(line[..^1]).Append(' ');
                continue;
            }

            string full = pending.Append(line).ToString();
            pending.Clear();
            if (full.StartsWith('[') && full.EndsWith(']'))
            {
                section = full[1..^1];
                continue;
            }

            int equals = full.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"{path}: not a Key=value line: {full}");
            unit._entries.Add((section, full[..equals].Trim(), full[(equals + 1)..].Trim()));
        }

        return unit;
    }

    /// <summary>Every value of <paramref name="key"/> in <paramref name="section"/>, in order.</summary>
    public IReadOnlyList<string> Values(string section, string key) =>
        [.. _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value)];

    /// <summary>The one value of <paramref name="key"/> in [Service] (the last, when it repeats, as systemd takes it).</summary>
    public string? Service(string key) => Values("Service", key).LastOrDefault();

    /// <summary>
    /// The words of a command line as systemd splits them: whitespace separates, double and single quotes group, a
    /// backslash escapes the next character; the prefixes <c>-@:+!</c> of the executable are dropped.
    /// </summary>
    public static IReadOnlyList<string> Words(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < commandLine.Length; i++)
        {
            char c = commandLine[i];
            if (c == '\\' && i + 1 < commandLine.Length)
            {
                word.Append(commandLine[++i]);
                inWord = true;
            }
            else if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote != '\0') throw new FormatException("an unclosed quote in: " + commandLine);
        if (inWord) words.Add(word.ToString());
        if (words.Count > 0) words[0] = words[0].TrimStart('-', '@', ':', '+', '!');
        return words;
    }
}
