using System.Security.Cryptography;
using Fairshare.Core.Primitives;

namespace Fairshare.Compute.Blobs;

/// <summary>
/// A content-addressed folder of blobs (models, job inputs and outputs): a blob's address is the SHA-256 of its bytes,
/// and it lives at <c>root/&lt;first two hex digits&gt;/&lt;64 hex digits&gt;</c>. Writes are atomic (a temporary file
/// in the same folder, flushed, then renamed over the name), so a reader never sees half a blob, and storing the same
/// bytes twice is harmless. Every read re-hashes: a file whose bytes no longer match its name is moved aside to
/// <c>&lt;name&gt;.corrupt</c>, reported through <see cref="Corrupted"/>, and treated as missing. Safe for concurrent
/// use by threads and processes sharing the folder. I/O failures of the folder itself (permissions, a full disk) throw.
/// </summary>
public sealed class BlobStore
{
    private const string TempSuffix = ".tmp";
    private const string CorruptSuffix = ".corrupt";

    /// <summary>A store in <paramref name="root"/>; the folder is created on the first write.</summary>
    public BlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>Raised (on the reading thread) when a read finds a file whose content does not hash to its name.</summary>
    public event EventHandler<BlobCorruptedEventArgs>? Corrupted;

    /// <summary>The absolute path of the store's folder.</summary>
    public string Root { get; }

    /// <summary>The path where the blob with this address is (or would be) stored.</summary>
    public string PathOf(Hash32 address)
    {
        string hex = address.ToString();
        return Path.Combine(Root, hex[..2], hex);
    }

    /// <summary>
    /// Stores the bytes and returns their content address. When an intact copy is already stored nothing is written;
    /// a damaged copy is replaced.
    /// </summary>
    public Hash32 Put(ReadOnlySpan<byte> data)
    {
        var address = Hash32.Compute(data);
        if (TryGet(address, out _)) return address;

        string path = PathOf(address);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }

        return address;
    }

    /// <summary>
    /// Stores what <paramref name="content"/> holds, streamed to a temporary file while it is hashed (never whole in
    /// memory), and returns its content address; null, keeping nothing, when it holds more than
    /// <paramref name="maxBytes"/> (reading stops there). An intact copy already stored is kept as it is.
    /// </summary>
    public async Task<Hash32?> PutAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Root);
        string temp = Path.Combine(Root, $"upload-{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Hash32 address;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > maxBytes) return null;
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }

                await file.FlushAsync(ct).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
                address = Hash32.Read(hash.GetHashAndReset());
            }

            if (TryGet(address, out _)) return address;
            string path = PathOf(address);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
            return address;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Reads the blob with this address. False when it is not stored, or when the stored file is damaged (then it is
    /// quarantined and <see cref="Corrupted"/> is raised).
    /// </summary>
    public bool TryGet(Hash32 address, out byte[] data)
    {
        string path = PathOf(address);
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            data = [];
            return false;
        }

        var actual = Hash32.Compute(data);
        if (actual == address) return true;

        data = [];
        string quarantined = path + CorruptSuffix;
        try
        {
            File.Move(path, quarantined, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            return false; // another reader quarantined it first and reported it
        }

        Corrupted?.Invoke(this, new BlobCorruptedEventArgs(address, actual, quarantined));
        return false;
    }

    /// <summary>
    /// Whether a file is stored under this address. It does not re-hash (use <see cref="TryGet"/> to be sure the
    /// content is intact).
    /// </summary>
    public bool Contains(Hash32 address) => File.Exists(PathOf(address));
}
