namespace Fairshare.Compute.Tensors;

/// <summary>
/// How a job's input (and so its output) is divided into items, each run on its own. The values are the layout byte
/// of a version 2 tensor blob: never renumber them.
/// </summary>
public enum JobLayout : byte
{
    /// <summary>One item holding the model's named inputs; unnamed, it is a version 1 blob.</summary>
    Single = 1,

    /// <summary>Items named after the files they came from (a folder of <c>.npy</c> files: the file stems).</summary>
    Folder = 2,

    /// <summary>Items that are the slices 0 … N−1 of a batch along axis 0, named "0", "1", … in order.</summary>
    Stacked = 3,
}
