using System.Collections.Immutable;
using System.Security.Cryptography;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// Commits to every account with a two-level structure that is cheap to update and independent of hash order:
/// accounts fall into 65,536 buckets by the first two bytes of their address (addresses are hashes, so buckets
/// stay even); a bucket's hash covers its accounts sorted by address; a 16-ary Merkle tree (four levels) over the
/// buckets gives the root. Only buckets touched since the last root are rehashed, and only their paths in the tree.
/// Hashes: leaf = SHA-256(0x00 ‖ account encoding), bucket = SHA-256(0x02 ‖ leaf hashes in address order),
/// node = SHA-256(0x01 ‖ its 16 children), and an empty bucket or subtree is all zeros.
/// </summary>
public sealed class AccountCommitment
{
    private const int Arity = 16;
    private const int ArityBits = 4;
    private const int Levels = 4;
    private const int BucketCount = 1 << (Levels * ArityBits);

    private readonly List<Account>?[] _buckets = new List<Account>?[BucketCount];
    private readonly Hash32[][] _tree;
    private readonly bool[] _bucketDirty = new bool[BucketCount];
    private readonly List<int> _dirtyBuckets = [];
    private readonly CanonicalWriter _writer = new(512);
    private Hash32[] _leaves = new Hash32[32];

    /// <summary>Creates an empty commitment.</summary>
    public AccountCommitment()
    {
        _tree = new Hash32[Levels + 1][];
        for (int level = 0; level <= Levels; level++) _tree[level] = new Hash32[BucketCount >> (level * ArityBits)];
    }

    /// <summary>Adds a new account (it must not be present).</summary>
    public void Insert(Account account)
    {
        int index = account.Address.Prefix16;
        var bucket = _buckets[index] ??= new List<Account>(4);
        int position = bucket.BinarySearch(account, AddressOrder.Instance);
        if (position >= 0) throw new InvalidOperationException("account already committed");
        bucket.Insert(~position, account);
        MarkDirty(account);
    }

    /// <summary>Removes an account (used when its creation is rolled back).</summary>
    public void Remove(Account account)
    {
        int index = account.Address.Prefix16;
        var bucket = _buckets[index] ?? throw new InvalidOperationException("account not committed");
        int position = bucket.BinarySearch(account, AddressOrder.Instance);
        if (position < 0) throw new InvalidOperationException("account not committed");
        bucket.RemoveAt(position);
        MarkBucket(index);
    }

    /// <summary>Records that an account's encoding changed.</summary>
    public void MarkDirty(Account account)
    {
        account.Dirty = true;
        MarkBucket(account.Address.Prefix16);
    }

    private void MarkBucket(int index)
    {
        if (_bucketDirty[index]) return;
        _bucketDirty[index] = true;
        _dirtyBuckets.Add(index);
    }

    /// <summary>The root over all accounts, rehashing only what changed.</summary>
    public Hash32 Root()
    {
        if (_dirtyBuckets.Count == 0) return _tree[Levels][0];
        _dirtyBuckets.Sort();
        var level0 = _tree[0];
        foreach (int index in _dirtyBuckets)
        {
            _bucketDirty[index] = false;
            level0[index] = HashBucket(_buckets[index]);
        }

        var current = new List<int>(_dirtyBuckets);
        var parents = new List<int>(current.Count);
        for (int level = 1; level <= Levels; level++)
        {
            parents.Clear();
            foreach (int child in current)
            {
                int parent = child >> ArityBits;
                if (parents.Count == 0 || parents[^1] != parent) parents.Add(parent);
            }

            var below = _tree[level - 1];
            var here = _tree[level];
            foreach (int parent in parents) here[parent] = NodeHashOf(below.AsSpan(parent * Arity, Arity));
            (current, parents) = (parents, current);
        }

        _dirtyBuckets.Clear();
        return _tree[Levels][0];
    }

    /// <summary>How many sibling hashes a path from a bucket to the root holds: 15 at each of the 4 levels.</summary>
    public const int PathLength = Levels * (Arity - 1);

    /// <summary>
    /// What proves an address's place in the commitment, bringing the tree up to date first (like <see cref="Root"/>;
    /// on a clean tree it only reads): the canonical encodings of every account in the address's bucket, in address
    /// order (none for an empty bucket), and the <see cref="PathLength"/> sibling hashes from the bucket to the root,
    /// bottom level first, each level's 15 in child order with the path's own child left out.
    /// The encodings, not just their leaf hashes, travel so that an address's absence can be checked: a leaf hash
    /// does not show whose account it commits to.
    /// </summary>
    public (ImmutableArray<byte[]> Bucket, ImmutableArray<Hash32> Siblings) Prove(Address address)
    {
        Root();
        int index = address.Prefix16;
        var accounts = _buckets[index];
        var bucket = ImmutableArray.CreateBuilder<byte[]>(accounts?.Count ?? 0);
        if (accounts is not null)
        {
            foreach (var account in accounts) bucket.Add(account.ToEncoding());
        }

        var siblings = ImmutableArray.CreateBuilder<Hash32>(PathLength);
        int position = index;
        for (int level = 0; level < Levels; level++)
        {
            int first = position & ~(Arity - 1);
            for (int i = 0; i < Arity; i++)
            {
                if (first + i != position) siblings.Add(_tree[level][first + i]);
            }

            position >>= ArityBits;
        }

        return (bucket.MoveToImmutable(), siblings.MoveToImmutable());
    }

    /// <summary>A leaf hash: SHA-256(0x00 ‖ account encoding). The one rule, for the tree and for proofs.</summary>
    public static Hash32 LeafHashOf(ReadOnlySpan<byte> encoding)
    {
        // Accounts encode in about a hundred bytes: the prefixed copy stays on the stack on the hot path.
        Span<byte> prefixed = encoding.Length < 1024 ? stackalloc byte[encoding.Length + 1] : new byte[encoding.Length + 1];
        prefixed[0] = 0x00;
        encoding.CopyTo(prefixed[1..]);
        Span<byte> digest = stackalloc byte[Hash32.Size];
        SHA256.HashData(prefixed, digest);
        return Hash32.Read(digest);
    }

    /// <summary>A bucket hash: SHA-256(0x02 ‖ leaf hashes in address order), or zero for no leaves. The one rule, for the tree and for proofs.</summary>
    public static Hash32 BucketHashOf(ReadOnlySpan<Hash32> leaves)
    {
        if (leaves.IsEmpty) return Hash32.Zero;
        int size = 1 + leaves.Length * Hash32.Size;
        Span<byte> bytes = size <= 4096 ? stackalloc byte[size] : new byte[size];
        bytes[0] = 0x02;
        for (int i = 0; i < leaves.Length; i++) leaves[i].CopyTo(bytes[(1 + i * Hash32.Size)..]);
        return Hash32.Compute(bytes);
    }

    /// <summary>A node hash: SHA-256(0x01 ‖ its 16 children), or zero when all 16 are zero. The one rule, for the tree and for proofs.</summary>
    private static Hash32 NodeHashOf(ReadOnlySpan<Hash32> children)
    {
        Span<byte> bytes = stackalloc byte[1 + Arity * Hash32.Size];
        bytes[0] = 0x01;
        bool empty = true;
        for (int i = 0; i < Arity; i++)
        {
            empty &= children[i].IsZero;
            children[i].CopyTo(bytes[(1 + i * Hash32.Size)..]);
        }

        return empty ? Hash32.Zero : Hash32.Compute(bytes);
    }

    /// <summary>
    /// The root a bucket hash leads to through a path of <see cref="PathLength"/> siblings (as <see cref="Prove"/>
    /// orders them): node = SHA-256(0x01 ‖ its 16 children), or zero when all 16 are zero.
    /// </summary>
    public static Hash32 RootFromPath(int bucketIndex, Hash32 bucketHash, IReadOnlyList<Hash32> siblings)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentOutOfRangeException.ThrowIfNegative(bucketIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucketIndex, BucketCount);
        if (siblings.Count != PathLength) throw new ArgumentException($"a path holds {PathLength} siblings", nameof(siblings));
        Span<Hash32> children = stackalloc Hash32[Arity];
        var current = bucketHash;
        int position = bucketIndex;
        int next = 0;
        for (int level = 0; level < Levels; level++)
        {
            int own = position & (Arity - 1);
            for (int i = 0; i < Arity; i++) children[i] = i == own ? current : siblings[next++];
            current = NodeHashOf(children);
            position >>= ArityBits;
        }

        return current;
    }

    private Hash32 HashBucket(List<Account>? bucket)
    {
        if (bucket is null || bucket.Count == 0) return Hash32.Zero;
        if (_leaves.Length < bucket.Count) _leaves = new Hash32[bucket.Count * 2];
        for (int i = 0; i < bucket.Count; i++)
        {
            var account = bucket[i];
            if (account.Dirty)
            {
                account.LeafHash = HashLeaf(account);
                account.Dirty = false;
            }

            _leaves[i] = account.LeafHash;
        }

        return BucketHashOf(_leaves.AsSpan(0, bucket.Count));
    }

    private Hash32 HashLeaf(Account account)
    {
        _writer.Reset();
        account.Encode(_writer);
        return LeafHashOf(_writer.WrittenSpan);
    }

    private sealed class AddressOrder : IComparer<Account>
    {
        public static readonly AddressOrder Instance = new();

        public int Compare(Account? x, Account? y) => x!.Address.CompareTo(y!.Address);
    }
}
