using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// A proof that a state with a given root holds an account at <paramref name="Address"/>, or holds none: the
/// canonical encodings of every account in the address's commitment bucket (address order), the sibling hashes from
/// that bucket to the account commitment root (<see cref="AccountCommitment.Prove"/>), and the other two inputs of the
/// state root, the records root and the globals encoding (<see cref="LedgerState.EncodeGlobals"/>). Made by
/// <see cref="LedgerState.ProveAccount"/>; checked by <see cref="Verify"/>, which needs nothing but the root.
/// </summary>
/// <param name="Address">The address the proof is about.</param>
/// <param name="Bucket">The canonical encoding of each account whose address shares the first two bytes, in address order.</param>
/// <param name="Siblings">The <see cref="AccountCommitment.PathLength"/> sibling hashes, bottom level first.</param>
/// <param name="RecordsRoot">The root over every module record.</param>
/// <param name="Globals">The globals encoding: assets, parameters, validators.</param>
public sealed record AccountProof(Address Address, ImmutableArray<byte[]> Bucket, ImmutableArray<Hash32> Siblings, Hash32 RecordsRoot, byte[] Globals)
{
    /// <summary>The encoding version written first.</summary>
    public const byte Version = 1;

    /// <summary>The most accounts a proof's bucket may hold.</summary>
    public const int MaxBucketAccounts = 1 << 16;

    /// <summary>The largest account encoding accepted (65,536 balances fit).</summary>
    public const int MaxAccountBytes = 1 << 22;

    /// <summary>The largest globals encoding accepted.</summary>
    public const int MaxGlobalsBytes = 1 << 22;

    /// <summary>The largest encoded proof accepted.</summary>
    public const int MaxSize = 1 << 24;

    /// <summary>
    /// Checks the proof against a trusted state root: <see cref="ResultCode.Ok"/> with the account (null when the
    /// address has none) and the globals, <see cref="ResultCode.BadStateRoot"/> when the proof leads to another root,
    /// or the code of whatever else is wrong with it (see <see cref="TryOpen"/>).
    /// </summary>
    public ResultCode Verify(Hash32 stateRoot, out ProvenAccount? account)
    {
        var code = TryOpen(out var root, out account);
        if (code == ResultCode.Ok && root != stateRoot) code = ResultCode.BadStateRoot;
        if (code != ResultCode.Ok) account = null;
        return code;
    }

    /// <summary>
    /// Recomputes the state root the proof leads to, from each bucket account's leaf hash to the bucket hash, up the
    /// path to the account commitment root, then with the records root and the globals to the state root; and reads
    /// the account at <see cref="Address"/> (null when no bucket account has it) and the globals. Refused: a bucket over
    /// <see cref="MaxBucketAccounts"/> (<see cref="ResultCode.TooManyItems"/>), a path that is not
    /// <see cref="AccountCommitment.PathLength"/> long (<see cref="ResultCode.InvalidValue"/>), a bucket account or globals that do not decode (their decoding code),
    /// and a bucket account of another bucket or out of strictly rising address order (<see cref="ResultCode.InvalidValue"/>).
    /// Nothing is checked against a trusted root: use <see cref="Verify"/>.
    /// </summary>
    public ResultCode TryOpen(out Hash32 stateRoot, out ProvenAccount? account)
    {
        stateRoot = default;
        account = null;
        if (Bucket.IsDefault || Siblings.IsDefault || Globals is null) return ResultCode.InvalidValue;
        if (Siblings.Length != AccountCommitment.PathLength) return ResultCode.InvalidValue;
        if (Bucket.Length > MaxBucketAccounts) return ResultCode.TooManyItems;
        int prefix = Address.Prefix16;
        var leaves = new Hash32[Bucket.Length];
        Account? found = null;
        Address previous = default;
        for (int i = 0; i < Bucket.Length; i++)
        {
            var encoding = Bucket[i];
            if (encoding is null) return ResultCode.InvalidValue;
            var code = Account.TryDecode(encoding, out var decoded);
            if (code != ResultCode.Ok) return code;
            var address = decoded!.Address;
            if (address.Prefix16 != prefix || (i > 0 && previous.CompareTo(address) >= 0)) return ResultCode.InvalidValue;
            if (address == Address) found = decoded;
            previous = address;
            leaves[i] = AccountCommitment.LeafHashOf(encoding);
        }

        var globalsCode = StateGlobals.TryDecode(Globals, out var globals);
        if (globalsCode != ResultCode.Ok) return globalsCode;
        var accountsRoot = AccountCommitment.RootFromPath(prefix, AccountCommitment.BucketHashOf(leaves), Siblings);
        stateRoot = LedgerState.RootOf(accountsRoot, RecordsRoot, Globals);
        account = new ProvenAccount(Address, found, globals!);
        return ResultCode.Ok;
    }

    /// <summary>Writes the proof's canonical encoding.</summary>
    public void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(Version);
        writer.WriteAddress(Address);
        writer.WriteVarUInt((ulong)Bucket.Length);
        foreach (var encoding in Bucket) writer.WriteBytes(encoding);
        if (Siblings.Length != AccountCommitment.PathLength) throw new InvalidOperationException($"a proof's path holds {AccountCommitment.PathLength} siblings");
        foreach (var sibling in Siblings) writer.WriteHash(sibling);
        writer.WriteHash(RecordsRoot);
        writer.WriteBytes(Globals);
    }

    /// <summary>The proof's canonical encoding as a new array.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(2048 + Globals.Length + Bucket.Sum(b => b.Length + 3));
        Write(writer);
        return writer.ToArray();
    }

    /// <summary>Reads a proof (its structure only; <see cref="Verify"/> checks what it says); null when the reader failed.</summary>
    public static AccountProof? Read(ref CanonicalReader reader)
    {
        byte version = reader.ReadU8();
        if (reader.Ok && version != Version) reader.Fail(ResultCode.UnknownTag);
        var address = reader.ReadAddress();
        int count = reader.ReadLength(MaxBucketAccounts, ResultCode.TooManyItems);
        var bucket = ImmutableArray.CreateBuilder<byte[]>(count);
        for (int i = 0; i < count && reader.Ok; i++)
        {
            var encoding = reader.ReadBytes(MaxAccountBytes);
            if (reader.Ok) bucket.Add(encoding.ToArray());
        }

        var siblings = ImmutableArray.CreateBuilder<Hash32>(AccountCommitment.PathLength);
        for (int i = 0; i < AccountCommitment.PathLength && reader.Ok; i++)
        {
            var sibling = reader.ReadHash();
            if (reader.Ok) siblings.Add(sibling);
        }

        var recordsRoot = reader.ReadHash();
        var globals = reader.ReadBytes(MaxGlobalsBytes);
        return reader.Ok
            ? new AccountProof(address, bucket.MoveToImmutable(), siblings.MoveToImmutable(), recordsRoot, globals.ToArray())
            : null;
    }

    /// <summary>Decodes exactly one proof (nothing may follow it), refusing malformed input with a stable code.</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out AccountProof? proof)
    {
        proof = null;
        return bytes.Length > MaxSize ? ResultCode.Oversized : CanonicalReader.DecodeExactlyOne(bytes, Read, out proof);
    }
}
