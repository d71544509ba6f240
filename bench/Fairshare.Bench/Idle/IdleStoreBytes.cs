namespace Fairshare.Bench.Idle;

/// <summary>
/// The bytes of a stopped validator's data directory, by part: the block store (<c>chain.db</c>: blocks, receipts,
/// signatures, the newest state snapshot), the read-side index (<c>index.db</c>), the Raft write-ahead log and
/// snapshots (<c>raft/</c>), and the rest (genesis, key, blobs).
/// </summary>
/// <param name="Chain">The block store, its SQLite side files included.</param>
/// <param name="Index">The read-side index, its SQLite side files included.</param>
/// <param name="Raft">The Raft log and snapshots.</param>
/// <param name="Other">Everything else.</param>
public readonly record struct IdleStoreBytes(long Chain, long Index, long Raft, long Other)
{
    /// <summary>What keeps growing with the chain: the block store and the index (the Raft log is compacted at every snapshot).</summary>
    public long Growing => Chain + Index;

    /// <summary>Every part.</summary>
    public long Total => Chain + Index + Raft + Other;

    /// <summary>The parts' sizes now (file lengths), from the data directory <paramref name="root"/>.</summary>
    public static IdleStoreBytes Of(string root)
    {
        long chain = 0, index = 0, raft = 0, other = 0;
        string raftRoot = Path.Combine(root, "raft") + Path.DirectorySeparatorChar;
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.FullName.StartsWith(raftRoot, StringComparison.Ordinal)) raft += file.Length;
            else if (file.Name.StartsWith("chain.db", StringComparison.Ordinal)) chain += file.Length;
            else if (file.Name.StartsWith("index.db", StringComparison.Ordinal)) index += file.Length;
            else other += file.Length;
        }

        return new IdleStoreBytes(chain, index, raft, other);
    }

    /// <summary>The growth from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static IdleStoreBytes operator -(IdleStoreBytes after, IdleStoreBytes before) =>
        new(after.Chain - before.Chain, after.Index - before.Index, after.Raft - before.Raft, after.Other - before.Other);
}
