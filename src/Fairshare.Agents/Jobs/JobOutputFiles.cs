using Fairshare.Compute.Formats;
using Fairshare.Compute.Tensors;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// Writes a job's outputs in the layout its inputs came in, as NumPy files named after the model's outputs:
/// <list type="bullet">
/// <item>one item (<see cref="JobLayout.Single"/>): <c>DIR/OUTPUT.npy</c> for every model output;</item>
/// <item>a folder of items: <c>DIR/ITEM.npy</c> when the model has one output, else <c>DIR/ITEM/OUTPUT.npy</c>;</item>
/// <item>a split batch (<see cref="JobLayout.Stacked"/>): the items stacked back along the batch axis, <c>DIR/OUTPUT.npy</c>.</item>
/// </list>
/// A target ending in <c>.npz</c> gets one archive instead (one item or a split batch). Names that could leave the
/// folder (separators, <c>..</c>, control characters) are refused, whoever produced them.
/// </summary>
public static class JobOutputFiles
{
    /// <summary>Writes the outputs under <paramref name="target"/> (a folder, created if needed, or an <c>.npz</c> path); returns the files written.</summary>
    public static IReadOnlyList<string> Write(JobTensors outputs, string target)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (outputs.IsFault) throw new InvalidOperationException("a job fault has no outputs to write");
        var single = outputs.Layout switch
        {
            JobLayout.Single => outputs.Items[0].Tensors,
            JobLayout.Stacked => Stack(outputs),
            _ => default,
        };

        if (target.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
        {
            if (single.IsDefault) throw new JobException(JobErrors.BadRequest, $"--out {target}: a folder of items is written as a folder, not one .npz");
            foreach (var tensor in single) SafeName(tensor.Name);
            string? parent = Path.GetDirectoryName(Path.GetFullPath(target));
            if (parent is not null) Directory.CreateDirectory(parent);
            File.WriteAllBytes(target, NpzFormat.Write(single));
            return [target];
        }

        Directory.CreateDirectory(target);
        var written = new List<string>();
        if (!single.IsDefault)
        {
            foreach (var tensor in single) written.Add(WriteNpy(Path.Combine(target, SafeName(tensor.Name) + ".npy"), tensor));
            return written;
        }

        foreach (var item in outputs.Items)
        {
            string itemName = SafeName(item.Name);
            if (item.Tensors.Length == 1)
            {
                written.Add(WriteNpy(Path.Combine(target, itemName + ".npy"), item.Tensors[0]));
                continue;
            }

            string folder = Path.Combine(target, itemName);
            Directory.CreateDirectory(folder);
            foreach (var tensor in item.Tensors) written.Add(WriteNpy(Path.Combine(folder, SafeName(tensor.Name) + ".npy"), tensor));
        }

        return written;
    }

    /// <summary>
    /// The outputs of a split batch as one: the items stacked along a new first axis, which is merged with the items'
    /// own batch axis of one when they have it ([N, 1, …] becomes [N, …]), as a model with a free batch size would answer.
    /// </summary>
    private static System.Collections.Immutable.ImmutableArray<TensorData> Stack(JobTensors outputs)
    {
        var stacked = outputs.StackItems();
        if (!stacked.IsOk) throw new JobException(JobErrors.OutputUnavailable, $"the outputs of the split batch do not stack back: {stacked.Message}");
        return [.. stacked.Value.Select(t => t.Shape.Length >= 2 && t.Shape[1] == 1 ? t with { Shape = [t.Shape[0], .. t.Shape[2..]] } : t)];
    }

    private static string WriteNpy(string path, TensorData tensor)
    {
        File.WriteAllBytes(path, NpyFormat.Write(tensor));
        return path;
    }

    /// <summary>The name as a file name, or a refusal when it could name something outside the target.</summary>
    private static string SafeName(string name)
    {
        bool unsafeName = name.Length == 0 || name is "." or ".." || name.Any(c => c is '/' or '\\' || char.IsControl(c));
        return unsafeName ? throw new JobException(JobErrors.OutputUnavailable, $"an output is named '{name}', which cannot be a file name; write it with --out FILE.npz or rename the model's output") : name;
    }
}
