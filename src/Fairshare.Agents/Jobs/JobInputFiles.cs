using System.Collections.Immutable;
using Fairshare.Compute;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Tensors;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// Job inputs from the files people already have (<c>--input</c> arguments of <c>fairshare job</c>):
/// <list type="bullet">
/// <item><c>NAME=FILE.npy</c>: the model input NAME.</item>
/// <item><c>FILE.npz</c>: every array of the archive, each the model input of its name.</item>
/// <item><c>NAME=DIR</c>: a folder of <c>.npy</c> files, one item each (named after the file); several such
/// arguments must hold the same file names.</item>
/// <item><c>DIR</c>: a folder of <c>.npz</c> files, one item each.</item>
/// </list>
/// Files and folders cannot be mixed in one job. Items are ordered by name (ordinal), so a folder gives the same job on
/// every machine. Every failure is a <see cref="JobException"/> naming the file.
/// </summary>
public static class JobInputFiles
{
    /// <summary>The most items one job may hold (<see cref="JobTensors.MaxItems"/>).</summary>
    public static int MaxItems => JobTensors.MaxItems;

    /// <summary>Loads the inputs the arguments name.</summary>
    public static JobTensors Load(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0) throw new JobException(JobErrors.InputArgument, "no --input given: name each model input as NAME=FILE.npy, or give an .npz file or a folder");
        var parsed = arguments.Select(Parse).ToList();
        bool folders = parsed.Any(p => Directory.Exists(p.Path));
        if (folders && parsed.Any(p => !Directory.Exists(p.Path)))
            throw new JobException(JobErrors.InputArgument, "--input mixes files and folders: give either files (one job item) or folders (one item per file)");
        return folders ? LoadFolders(parsed) : LoadFiles(parsed);
    }

    private static (string? Name, string Path) Parse(string argument)
    {
        int equals = argument.IndexOf('=', StringComparison.Ordinal);
        // A path may itself hold '=': only a prefix that is a plausible input name counts as NAME=.
        if (equals > 0 && !File.Exists(argument) && !Directory.Exists(argument))
        {
            string name = argument[..equals], path = argument[(equals + 1)..];
            if (path.Length == 0) throw new JobException(JobErrors.InputArgument, $"--input '{argument}' names no file after '='");
            return (name, path);
        }

        return (null, argument);
    }

    private static JobTensors LoadFiles(List<(string? Name, string Path)> arguments)
    {
        var tensors = new List<TensorData>();
        foreach (var (name, path) in arguments)
        {
            if (!File.Exists(path)) throw new JobException(JobErrors.FileUnreadable, $"input file '{path}' does not exist");
            if (name is null)
            {
                if (!IsNpz(path)) throw new JobException(JobErrors.InputArgument, $"--input '{path}': name the model input it feeds as NAME={path} (only an .npz names its arrays itself)");
                tensors.AddRange(ReadNpz(path));
            }
            else
            {
                tensors.Add(IsNpz(path)
                    ? throw new JobException(JobErrors.InputArgument, $"--input {name}={path}: an .npz holds named arrays already; pass it without NAME=")
                    : ReadNpy(path, name));
            }
        }

        RequireUniqueNames(tensors.Select(t => t.Name), "the inputs");
        return JobTensors.Single(tensors);
    }

    private static JobTensors LoadFolders(List<(string? Name, string Path)> arguments)
    {
        bool named = arguments[0].Name is not null;
        if (arguments.Any(a => (a.Name is not null) != named))
            throw new JobException(JobErrors.InputArgument, "--input folders: either every folder is NAME=DIR (of .npy files) or there is one DIR (of .npz files)");
        if (!named && arguments.Count > 1)
            throw new JobException(JobErrors.InputArgument, "--input: give one folder of .npz files, or NAME=DIR folders of .npy files");

        var files = arguments.Select(a => (a.Name, Files: Directory.GetFiles(a.Path, named ? "*.npy" : "*.npz")
            .Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal))).ToList();
        var stems = files[0].Files.Keys.Order(StringComparer.Ordinal).ToList();
        if (stems.Count == 0)
            throw new JobException(JobErrors.InputArgument, $"--input folder '{arguments[0].Path}' holds no {(named ? ".npy" : ".npz")} files");
        if (stems.Count > MaxItems)
            throw new JobException(JobErrors.InputArgument, $"--input folder '{arguments[0].Path}' holds {stems.Count} files; one job takes at most {MaxItems} items");
        for (int i = 1; i < files.Count; i++)
        {
            var other = files[i].Files.Keys.ToHashSet(StringComparer.Ordinal);
            if (!other.SetEquals(stems))
            {
                string missing = string.Join(", ", stems.Except(other).Concat(other.Except(stems)).Take(5));
                throw new JobException(JobErrors.InputArgument, $"--input folders '{arguments[0].Path}' and '{arguments[i].Path}' do not hold the same file names (e.g. {missing})");
            }
        }

        RequireUniqueNames(files.Where(f => f.Name is not null).Select(f => f.Name!), "the --input folders");
        var items = ImmutableArray.CreateBuilder<JobItem>(stems.Count);
        foreach (var stem in stems)
        {
            var tensors = named
                ? files.Select(f => ReadNpy(f.Files[stem], f.Name!)).ToList()
                : ReadNpz(files[0].Files[stem]);
            RequireUniqueNames(tensors.Select(t => t.Name), $"item '{stem}'");
            items.Add(new JobItem(stem, [.. tensors]));
        }

        return new JobTensors(JobLayout.Folder, items.MoveToImmutable(), ComputeError.None);
    }

    private static TensorData ReadNpy(string path, string name)
    {
        var read = NpyFormat.Read(ReadAll(path), name);
        return read.IsOk ? read.Value : throw JobErrors.From(read.Error, $"'{path}' is not a NumPy array this network runs: {read.Message}");
    }

    private static List<TensorData> ReadNpz(string path)
    {
        var read = NpzFormat.Read(ReadAll(path));
        return read.IsOk ? [.. read.Value] : throw JobErrors.From(read.Error, $"'{path}' is not a NumPy archive this network runs: {read.Message}");
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobException(JobErrors.FileUnreadable, $"cannot read '{path}': {e.Message}", e);
        }
    }

    private static bool IsNpz(string path) => path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase);

    private static void RequireUniqueNames(IEnumerable<string> names, string where)
    {
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault();
        if (repeated is not null) throw new JobException(JobErrors.InputArgument, $"{where} name the input '{repeated}' twice");
    }
}
