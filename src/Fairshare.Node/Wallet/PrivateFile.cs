using System.Security.Cryptography;

namespace Fairshare.Node.Wallet;

/// <summary>
/// Writes a secret file atomically and readable by its owner only: a temp file in the same directory, created with mode
/// 0600 (no moment in which another user could open it), flushed to disk, then renamed over the target. The keystore,
/// the node key and <c>fairshare keys export --out</c> write their secrets through it.
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode FileMode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes a new file, never replacing one; false when the target exists (or appeared meanwhile).</summary>
    public static bool TryWriteNew(string path, byte[] contents) => Write(path, contents, replace: false);

    /// <summary>Writes the file, replacing the one there in one rename: a reader sees the old file or the new one, whole.</summary>
    public static void Replace(string path, byte[] contents) => Write(path, contents, replace: true);

    private static bool Write(string path, byte[] contents, bool replace)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? throw new ArgumentException("the path has no directory", nameof(path));
        if (!replace && File.Exists(full)) return false;

        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode0600;

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            // UnixCreateMode is subject to the umask; make the mode exact.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, FileMode0600);

            try
            {
                File.Move(temp, full, overwrite: replace);
            }
            catch (IOException) when (!replace && File.Exists(full))
            {
                return false;
            }

            return true;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
