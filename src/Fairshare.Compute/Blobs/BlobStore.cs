using System.Security.Cryptography;
using Fairshare.Core.Primitives;

namespace Fairshare.Compute.Blobs;

/// <summary>
/// A content-addressed folder of blobs (models, job inputs and outputs): a blob's address is the SHA-256 of its bytes,
/// and it lives at <c>root/&lt;first two hex digits&gt;/&lt;64 hex digits&gt;</c>. Writes are atomic (a temporary file
/// in the same folder, flushed, then renamed over the name), so a reader never sees half a blob, and storing the same
/// bytes twice is harmless: the second time only refreshes the file's last write time, which is when the blob was last
/// stored (<see cref="StoredBlob.LastWriteUtc"/>). Every read re-hashes: a file whose bytes no longer match its name is
/// moved aside to <c>&lt;name&gt;.corrupt</c>, reported through <see cref="Corrupted"/>, and treated as missing.
/// <see cref="UsedBytes"/> counts the folder once, at its first call, and from then on keeps a running total of this
/// instance's own writes, deletes and quarantines (files another process adds or removes are counted by the next
/// instance). Safe for concurrent use by threads and processes sharing the folder. I/O failures of the folder itself
/// (permissions, a full disk) throw.
/// </summary>
public sealed class BlobStore
{
    private const string TempSuffix = ".tmp";
    private const string CorruptSuffix = ".corrupt";

    /// <summary>Guards <see cref="_usedBytes"/> and every rename, delete and refresh of a blob's file, so the count stays exact.</summary>
    private readonly Lock _gate = new();

    /// <summary>The bytes of every blob stored, or -1 until the first <see cref="UsedBytes"/> counts them.</summary>
    private long _usedBytes = -1;

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

    /// <summary>
    /// The bytes of every blob stored (their files; not temporary files of uploads in flight, nor quarantined ones).
    /// The first call scans the folder; later ones read a running total.
    /// </summary>
    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                if (_usedBytes < 0) _usedBytes = List().Sum(b => b.Bytes);
                return _usedBytes;
            }
        }
    }

    /// <summary>The path where the blob with this address is (or would be) stored.</summary>
    public string PathOf(Hash32 address)
    {
        string hex = address.ToString();
        return Path.Combine(Root, hex[..2], hex);
    }

    /// <summary>
    /// Stores the bytes and returns their content address. When an intact copy is already stored nothing is written
    /// but its last write time, which becomes now; a damaged copy is replaced.
    /// </summary>
    public Hash32 Put(ReadOnlySpan<byte> data)
    {
        var address = Hash32.Compute(data);
        string path = PathOf(address);
        if (TryGet(address, out _) && TryRefresh(path)) return address;

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }

            MoveIntoPlace(temp, path, data.Length);
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
    /// <paramref name="maxBytes"/> (reading stops there). An intact copy already stored is kept, its last write time
    /// made now. When reading <paramref name="content"/> throws, nothing is kept either (the exception propagates).
    /// </summary>
    public async Task<Hash32?> PutAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Root);
        string temp = Path.Combine(Root, $"upload-{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Hash32 address;
            long total = 0;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
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

            string path = PathOf(address);
            if (TryGet(address, out _) && TryRefresh(path)) return address;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            MoveIntoPlace(temp, path, total);
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
        lock (_gate)
        {
            var file = new FileInfo(path);
            if (!file.Exists) return false; // another reader quarantined it first and reported it
            long bytes = file.Length;
            File.Move(path, quarantined, overwrite: true);
            if (_usedBytes >= 0) _usedBytes -= bytes;
        }

        Corrupted?.Invoke(this, new BlobCorruptedEventArgs(address, actual, quarantined));
        return false;
    }

    /// <summary>
    /// Whether a file is stored under this address. It does not re-hash (use <see cref="TryGet"/> to be sure the
    /// content is intact).
    /// </summary>
    public bool Contains(Hash32 address) => File.Exists(PathOf(address));

    /// <summary>
    /// Every blob stored: its address, size and last write time, in no particular order. Temporary files of uploads in
    /// flight, quarantined files and files whose name is not an address are not blobs. It reads the folder (not the
    /// running total): a blob stored or deleted meanwhile may or may not be listed.
    /// </summary>
    public IReadOnlyList<StoredBlob> List()
    {
        var blobs = new List<StoredBlob>();
        if (!Directory.Exists(Root)) return blobs;
        foreach (var folder in new DirectoryInfo(Root).EnumerateDirectories())
        {
            if (folder.Name.Length != 2) continue;
            try
            {
                foreach (var file in folder.EnumerateFiles())
                {
                    if (file.Name.Length != 2 * Hash32.Size || !file.Name.StartsWith(folder.Name, StringComparison.Ordinal)) continue;
                    if (!Hash32.TryParse(file.Name, out var address)) continue;
                    try
                    {
                        blobs.Add(new StoredBlob(address, file.Length, file.LastWriteTimeUtc));
                    }
                    catch (FileNotFoundException)
                    {
                        // Deleted since the folder was read: no longer stored.
                    }
                }
            }
            catch (DirectoryNotFoundException)
            {
                // The folder went away while it was read: nothing of it is stored.
            }
        }

        return blobs;
    }

    /// <summary>
    /// Deletes the blob with this address; false when none is stored, or when <paramref name="unlessWrittenAfter"/> is
    /// given and the blob was stored again after it (an eviction that listed the blob then keeps a fresh upload of it).
    /// </summary>
    public bool Delete(Hash32 address, DateTime? unlessWrittenAfter = null)
    {
        string path = PathOf(address);
        lock (_gate)
        {
            var file = new FileInfo(path);
            if (!file.Exists) return false;
            if (unlessWrittenAfter is { } listed && file.LastWriteTimeUtc > listed) return false;
            long bytes = file.Length;
            file.Delete();
            if (_usedBytes >= 0) _usedBytes -= bytes;
            return true;
        }
    }

    /// <summary>Moves a finished temporary file over the blob's name and counts the difference.</summary>
    private void MoveIntoPlace(string temp, string path, long bytes)
    {
        lock (_gate)
        {
            var existing = new FileInfo(path);
            long replaced = existing.Exists ? existing.Length : 0;
            File.Move(temp, path, overwrite: true);
            if (_usedBytes >= 0) _usedBytes += bytes - replaced;
        }
    }

    /// <summary>Makes an intact stored blob's last write time now; false when it went away meanwhile (then store it again).</summary>
    private bool TryRefresh(string path)
    {
        lock (_gate)
        {
            try
            {
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                return true;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }
        }
    }
}
