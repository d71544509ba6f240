using System.Collections.Immutable;
using System.Security.Cryptography;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// The whole ledger state: accounts, assets, parameters, validators and the chain head. Every change goes
/// through a journal, so <see cref="Rollback"/> restores the state exactly as it was at a checkpoint.
/// Lookups use a dictionary; nothing that reaches the state root ever iterates one.
/// </summary>
public sealed class LedgerState
{
    private readonly Dictionary<Address, Account> _accounts = [];
    private readonly SortedDictionary<uint, AssetInfo> _assets = [];
    private readonly List<UndoEntry> _journal = [];
    private readonly AccountCommitment _commitment = new();
    private readonly SortedDictionary<StateKey, byte[]> _records = [];
    private Hash32 _recordsRoot;
    private bool _recordsDirty = true;

    /// <summary>Creates an empty state for a chain.</summary>
    public LedgerState(string chainId, ChainParams parameters, ImmutableArray<PublicKey> validators, ChainHead head)
    {
        ChainId = chainId;
        Params = parameters;
        Validators = validators;
        Head = head;
    }

    /// <summary>The chain id every transaction must name.</summary>
    public string ChainId { get; }

    /// <summary>Governed ledger parameters.</summary>
    public ChainParams Params { get; private set; }

    /// <summary>Validators allowed to propose and sign blocks.</summary>
    public ImmutableArray<PublicKey> Validators { get; }

    /// <summary>The last committed block.</summary>
    public ChainHead Head { get; private set; }

    /// <summary>The vesting escrow account.</summary>
    public static Address VestingEscrow { get; } = Address.ForModule("vesting");

    /// <summary>Number of accounts.</summary>
    public int AccountCount => _accounts.Count;

    /// <summary>Registered assets, by id.</summary>
    public IEnumerable<AssetInfo> Assets => _assets.Values;

    /// <summary>The journal position to roll back to.</summary>
    public int Checkpoint() => _journal.Count;

    /// <summary>Undoes every change after the checkpoint, newest first.</summary>
    public void Rollback(int checkpoint)
    {
        for (int i = _journal.Count - 1; i >= checkpoint; i--)
        {
            var entry = _journal[i];
            var account = entry.Account;
            switch (entry.Kind)
            {
                case UndoKind.Balance:
                    account!.SetBalanceRaw(entry.Asset, entry.OldAmount);
                    _commitment.MarkDirty(account);
                    break;
                case UndoKind.Nonce:
                    account!.Nonce = entry.OldNonce;
                    _commitment.MarkDirty(account);
                    break;
                case UndoKind.Vesting:
                    account!.Vesting = entry.OldVesting;
                    _commitment.MarkDirty(account);
                    break;
                case UndoKind.Created:
                    _accounts.Remove(account!.Address);
                    _commitment.Remove(account);
                    break;
                case UndoKind.Supply:
                    _assets[entry.Asset.Value] = _assets[entry.Asset.Value] with { Supply = entry.OldAmount };
                    break;
                case UndoKind.AssetRegistered:
                    _assets.Remove(entry.Asset.Value);
                    break;
                case UndoKind.Record:
                    if (entry.OldRecord is null) _records.Remove(entry.Key);
                    else _records[entry.Key] = entry.OldRecord;
                    _recordsDirty = true;
                    break;
                case UndoKind.Params:
                    Params = entry.OldParams!;
                    break;
            }
        }

        _journal.RemoveRange(checkpoint, _journal.Count - checkpoint);
    }

    /// <summary>Forgets the journal: the changes are final.</summary>
    public void Commit() => _journal.Clear();

    /// <summary>The account, or null when it has never existed.</summary>
    public Account? Find(Address address) => _accounts.GetValueOrDefault(address);

    /// <summary>The account, created empty (journaled) when new.</summary>
    public Account GetOrCreate(Address address)
    {
        if (_accounts.TryGetValue(address, out var account)) return account;
        account = new Account(address);
        _accounts.Add(address, account);
        _commitment.Insert(account);
        _journal.Add(new UndoEntry(UndoKind.Created, account, default, default, 0, null));
        return account;
    }

    /// <summary>A balance (zero for an unknown account).</summary>
    public Amount BalanceOf(Address address, AssetId asset) => Find(address)?.BalanceOf(asset) ?? Amount.Zero;

    /// <summary>The asset, or null when not registered.</summary>
    public AssetInfo? FindAsset(AssetId asset) => _assets.GetValueOrDefault(asset.Value);

    /// <summary>Registers an asset (genesis and modules), journaled.</summary>
    public void RegisterAsset(AssetInfo asset)
    {
        if (!_assets.TryAdd(asset.Id.Value, asset)) throw new InvalidOperationException($"asset {asset.Id} already registered");
        _journal.Add(new UndoEntry(UndoKind.AssetRegistered, null, asset.Id, default, 0, null));
    }

    /// <summary>The id the next registered asset gets: one past the highest.</summary>
    public AssetId NextAssetId() => new(_assets.Count == 0 ? 0 : _assets.Keys.Max() + 1);

    /// <summary>A module record's canonical bytes, or null when absent.</summary>
    public byte[]? ReadRecord(StateKey key) => _records.GetValueOrDefault(key);

    /// <summary>Writes (or with null, deletes) a module record, journaled.</summary>
    public void WriteRecord(StateKey key, byte[]? value)
    {
        var old = _records.GetValueOrDefault(key);
        if (old is null && value is null) return;
        _journal.Add(new UndoEntry(UndoKind.Record, null, default, default, 0, null, key, old));
        if (value is null) _records.Remove(key);
        else _records[key] = value;
        _recordsDirty = true;
    }

    /// <summary>The last id a counter record gave out (0 before the first).</summary>
    public uint LastId(StateKey counter) =>
        ReadRecord(counter) is { } bytes ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes) : 0;

    /// <summary>Gives out the next id of a counter record (ids start at 1), journaled like any record.</summary>
    public uint AllocateId(StateKey counter)
    {
        uint id = checked(LastId(counter) + 1);
        var bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, id);
        WriteRecord(counter, bytes);
        return id;
    }

    /// <summary>Module records whose key starts with the module and table bytes, in key order.</summary>
    public IEnumerable<KeyValuePair<StateKey, byte[]>> Records(byte module, byte table) =>
        _records.Where(r => r.Key.Module == module && r.Key.Table == table);

    /// <summary>Every module record in key order (snapshots).</summary>
    public IReadOnlyCollection<KeyValuePair<StateKey, byte[]>> AllRecords => _records;

    /// <summary>Sets a balance, journaled.</summary>
    public void SetBalance(Account account, AssetId asset, in Amount amount)
    {
        _journal.Add(new UndoEntry(UndoKind.Balance, account, asset, account.BalanceOf(asset), 0, null));
        account.SetBalanceRaw(asset, amount);
        _commitment.MarkDirty(account);
    }

    /// <summary>Sets a nonce, journaled.</summary>
    public void SetNonce(Account account, ulong nonce)
    {
        _journal.Add(new UndoEntry(UndoKind.Nonce, account, default, default, account.Nonce, null));
        account.Nonce = nonce;
        _commitment.MarkDirty(account);
    }

    /// <summary>Sets a vesting schedule, journaled.</summary>
    public void SetVesting(Account account, VestingSchedule? vesting)
    {
        _journal.Add(new UndoEntry(UndoKind.Vesting, account, default, default, 0, account.Vesting));
        account.Vesting = vesting;
        _commitment.MarkDirty(account);
    }

    /// <summary>Tags an account's cohort (genesis only, not journaled).</summary>
    public void SetCohort(Account account, Cohort cohort)
    {
        account.Cohort = cohort;
        _commitment.MarkDirty(account);
    }

    /// <summary>Sets an asset's total supply, journaled.</summary>
    public void SetSupply(AssetId asset, in Amount supply)
    {
        var info = _assets[asset.Value];
        _journal.Add(new UndoEntry(UndoKind.Supply, null, asset, info.Supply, 0, null));
        _assets[asset.Value] = info with { Supply = supply };
    }

    /// <summary>Replaces the governed ledger parameters (governance), journaled.</summary>
    public void SetParams(ChainParams parameters)
    {
        _journal.Add(new UndoEntry(UndoKind.Params, null, default, default, 0, null, OldParams: Params));
        Params = parameters;
    }

    /// <summary>Moves the chain head after a block is committed.</summary>
    public void AdvanceHead(ChainHead head) => Head = head;

    /// <summary>
    /// The state root: SHA-256 of a domain tag, the account commitment and the encoding of assets, parameters
    /// and validators.
    /// </summary>
    public Hash32 ComputeRoot()
    {
        var globals = new CanonicalWriter(512);
        EncodeGlobals(globals);
        return RootOf(_commitment.Root(), RecordsRoot(), globals.WrittenSpan);
    }

    /// <summary>
    /// The state root of its three parts: SHA-256("fairshare/state/v1\0" ‖ account commitment root ‖ records root ‖
    /// globals encoding).
    /// </summary>
    public static Hash32 RootOf(Hash32 accountsRoot, Hash32 recordsRoot, ReadOnlySpan<byte> globals)
    {
        var writer = new CanonicalWriter(96 + globals.Length);
        writer.WriteRaw("fairshare/state/v1\0"u8);
        writer.WriteHash(accountsRoot);
        writer.WriteHash(recordsRoot);
        writer.WriteRaw(globals);
        return Hash32.Compute(writer.WrittenSpan);
    }

    /// <summary>
    /// A proof of one account (or of its absence) against <see cref="ComputeRoot"/>: its bucket and path in the
    /// account commitment, the records root and the globals. Brings the roots up to date first, like
    /// <see cref="ComputeRoot"/>; on a committed state, whose root was computed with its block, it only reads.
    /// </summary>
    public AccountProof ProveAccount(Address address)
    {
        var (bucket, siblings) = _commitment.Prove(address);
        var globals = new CanonicalWriter(512);
        EncodeGlobals(globals);
        return new AccountProof(address, bucket, siblings, RecordsRoot(), globals.ToArray());
    }

    /// <summary>SHA-256 over every module record (key and value, length-prefixed) in key order; cached until a write.</summary>
    private Hash32 RecordsRoot()
    {
        if (!_recordsDirty) return _recordsRoot;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new CanonicalWriter(256);
        writer.WriteRaw("fairshare/records/v1\0"u8);
        foreach (var (key, value) in _records)
        {
            writer.WriteBytes(key.Bytes);
            writer.WriteBytes(value);
            hash.AppendData(writer.WrittenSpan);
            writer.Reset();
        }

        hash.AppendData(writer.WrittenSpan);
        _recordsRoot = Hash32.Read(hash.GetHashAndReset());
        _recordsDirty = false;
        return _recordsRoot;
    }

    /// <summary>Writes assets, parameters and validators in canonical order.</summary>
    public void EncodeGlobals(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)_assets.Count);
        foreach (var asset in _assets.Values)
        {
            writer.WriteU32(asset.Id.Value);
            writer.WriteString(asset.Symbol);
            writer.WriteU8(asset.Decimals);
            writer.WriteAmount(asset.Supply);
            writer.WriteBool(asset.Issuer is not null);
            if (asset.Issuer is { } issuer) writer.WriteAddress(issuer);
        }

        writer.WriteAmount(Params.MinFee);
        writer.WriteU16(Params.FeeValidatorBps);
        writer.WriteAddress(Params.Treasury);
        writer.WriteVarUInt((ulong)Validators.Length);
        foreach (var validator in Validators) writer.WriteRaw(validator.Bytes);
    }

    /// <summary>
    /// Whether any account matches <paramref name="predicate"/>. The answer does not depend on the order accounts are
    /// visited in, so this searches the dictionary as it lies (and stops at the first match) instead of sorting it.
    /// </summary>
    public bool AnyAccount(Func<Account, bool> predicate) => _accounts.Values.Any(predicate);

    /// <summary>All accounts in address order (for snapshots and reports; not a hot path).</summary>
    public IEnumerable<Account> AccountsInOrder() => _accounts.Values.OrderBy(a => a.Address);
}
