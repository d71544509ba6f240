using System.IO.Compression;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Formats;

/// <summary>
/// NumPy's <c>.npz</c> file: a zip archive of <c>.npy</c> files, one per array, each entry named after its array plus
/// <c>.npy</c> (<c>numpy.savez</c>, <c>numpy.savez_compressed</c>, <c>numpy.load</c>). Reading accepts stored and
/// deflated entries; writing stores them uncompressed as <c>numpy.savez</c> does, with a fixed timestamp so the same
/// arrays give the same bytes.
/// </summary>
public static class NpzFormat
{
    private const string Extension = ".npy";

    // Zip keeps a local date and time; the earliest it can hold keeps the archive independent of the clock.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reads an <c>.npz</c> file's arrays in archive order (see <see cref="Read(Stream)"/>).</summary>
    public static ComputeResult<IReadOnlyList<TensorData>> Read(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Read(stream);
    }

    /// <summary>
    /// Reads an <c>.npz</c> archive's arrays in archive order, each named after its entry without <c>.npy</c>. Never
    /// throws on malformed bytes: an archive that is not a readable zip, more than <see cref="TensorBlob.MaxTensors"/>
    /// entries, an entry not ending in <c>.npy</c>, a name that is empty or too long, two entries with the same name,
    /// and every <see cref="NpyFormat.Read"/> failure (its message prefixed by the entry) each have their code.
    /// </summary>
    /// <exception cref="IOException">Reading <paramref name="stream"/> itself failed.</exception>
    public static ComputeResult<IReadOnlyList<TensorData>> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > TensorBlob.MaxTensors)
                return Fail(ComputeError.NpzTooManyArrays, $"{zip.Entries.Count} entries (at most {TensorBlob.MaxTensors} arrays)");

            var tensors = new List<TensorData>(zip.Entries.Count);
            HashSet<string> names = new(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(Extension, StringComparison.Ordinal))
                    return Fail(ComputeError.NpzNotNpy, $"entry '{entry.FullName}' is not a .npy file");
                string name = entry.FullName[..^Extension.Length];
                if (TensorWire.NameByteCount(name) is <= 0 or > TensorBlob.MaxNameBytes)
                    return Fail(ComputeError.NpzBadName, $"entry '{entry.FullName}': an array name is 1..{TensorBlob.MaxNameBytes} bytes of UTF-8");
                if (!names.Add(name)) return Fail(ComputeError.NpzDuplicateName, $"two entries hold the array '{name}'");

                using var content = new MemoryStream();
                using (var entryStream = entry.Open()) entryStream.CopyTo(content);
                var tensor = NpyFormat.Read(content.GetBuffer().AsSpan(0, (int)content.Length), name);
                if (!tensor.IsOk) return Fail(tensor.Error, $"entry '{entry.FullName}': {tensor.Message}");
                tensors.Add(tensor.Value);
            }

            return ComputeResult<IReadOnlyList<TensorData>>.Ok(tensors);
        }
        catch (InvalidDataException e)
        {
            return Fail(ComputeError.NpzCorrupt, $"not a readable zip archive: {e.Message}");
        }
    }

    /// <summary>
    /// The <c>.npz</c> bytes of <paramref name="tensors"/>: one stored entry <c>name.npy</c> per tensor, in list order,
    /// as <c>numpy.savez(file, name=array, …)</c> writes them.
    /// </summary>
    /// <exception cref="ArgumentException">Two tensors share a name, or <see cref="NpyFormat.Write"/> refuses one.</exception>
    public static byte[] Write(IReadOnlyList<TensorData> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != tensors.Count)
            throw new ArgumentException("two tensors share a name", nameof(tensors));

        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var tensor in tensors)
            {
                var entry = zip.CreateEntry(tensor.Name + Extension, CompressionLevel.NoCompression);
                entry.LastWriteTime = EntryTime;
                using var entryStream = entry.Open();
                entryStream.Write(NpyFormat.Write(tensor));
            }
        }

        return memory.ToArray();
    }

    private static ComputeResult<IReadOnlyList<TensorData>> Fail(ComputeError error, string message) =>
        ComputeResult<IReadOnlyList<TensorData>>.Fail(error, message);
}
