using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>
/// Binary Merkle root over leaf hashes: node = SHA-256(0x01 ‖ left ‖ right), an odd node is promoted unchanged,
/// and the empty list has the all-zero root. Leaves are hashes of whole encoded items (transaction ids, receipt
/// hashes); no encoded item is 65 bytes starting with 0x01, so a leaf can never pose as an inner node.
/// </summary>
public static class MerkleTree
{
    /// <summary>The root over the item hashes, in order.</summary>
    public static Hash32 Root(IReadOnlyList<Hash32> items)
    {
        if (items.Count == 0) return Hash32.Zero;
        var level = items.ToArray();
        Span<byte> buffer = stackalloc byte[1 + 2 * Hash32.Size];

        int count = level.Length;
        while (count > 1)
        {
            int next = 0;
            for (int i = 0; i < count; i += 2)
            {
                if (i + 1 == count)
                {
                    level[next++] = level[i];
                    continue;
                }

                buffer[0] = 0x01;
                level[i].CopyTo(buffer[1..]);
                level[i + 1].CopyTo(buffer[(1 + Hash32.Size)..]);
                level[next++] = Hash32.Compute(buffer);
            }

            count = next;
        }

        return level[0];
    }
}
