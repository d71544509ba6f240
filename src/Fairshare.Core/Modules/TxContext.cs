using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules;

/// <summary>
/// What a module step sees while a transaction runs: the state, the sender, the block's height and time, the event
/// list, and the checks deferred to the end of the transaction (a flash swap or flash loan is settled there, after
/// every step of its batch). Everything a step changes is journaled, so a failing transaction leaves no trace.
/// </summary>
public sealed class TxContext
{
    // Only flash swaps and loans use these; a plain transfer allocates neither.
    private List<(string Name, Func<ResultCode> Check)>? _deferred;
    private HashSet<StateKey>? _locks;

    /// <summary>Creates the context of one transaction.</summary>
    public TxContext(LedgerState state, Account sender, ulong height, ulong timestampMs, Address proposer, List<LedgerEvent> events)
    {
        State = state;
        Sender = sender;
        Height = height;
        TimestampMs = timestampMs;
        Proposer = proposer;
        Events = events;
    }

    /// <summary>The ledger state.</summary>
    public LedgerState State { get; }

    /// <summary>The signer's account.</summary>
    public Account Sender { get; }

    /// <summary>The block height.</summary>
    public ulong Height { get; }

    /// <summary>The block timestamp in milliseconds (the proposer's, checked monotonic).</summary>
    public ulong TimestampMs { get; }

    /// <summary>The block timestamp in whole seconds, as the reference contracts' <c>block.timestamp</c>.</summary>
    public ulong TimestampSeconds => TimestampMs / 1000;

    /// <summary>The block's proposer.</summary>
    public Address Proposer { get; }

    /// <summary>Events of the transaction so far.</summary>
    public List<LedgerEvent> Events { get; }

    /// <summary>Moves value between two accounts and records a tagged event; fails without change on a short balance.</summary>
    public ResultCode Move(Address from, Address to, AssetId asset, in Amount amount, FlowTag tag)
    {
        if (amount.IsZero) return ResultCode.Ok;
        var code = TransactionExecutor.Debit(State, State.GetOrCreate(from), asset, amount);
        if (code != ResultCode.Ok) return code;
        code = TransactionExecutor.Credit(State, State.GetOrCreate(to), asset, amount);
        if (code != ResultCode.Ok) return code;
        Events.Add(new LedgerEvent(tag, asset, from, to, amount));
        return ResultCode.Ok;
    }

    /// <summary>Creates new units of a module-issued asset (LP or market shares) for an account.</summary>
    public ResultCode Mint(AssetId asset, Address to, in Amount amount, FlowTag tag)
    {
        if (amount.IsZero) return ResultCode.Ok;
        var info = State.FindAsset(asset);
        if (info is null) return ResultCode.UnknownAsset;
        if (!Amount.TryAdd(info.Supply, amount, out var supply)) return ResultCode.AmountOverflow;
        State.SetSupply(asset, supply);
        var code = TransactionExecutor.Credit(State, State.GetOrCreate(to), asset, amount);
        if (code != ResultCode.Ok) return code;
        Events.Add(new LedgerEvent(tag, asset, default, to, amount));
        return ResultCode.Ok;
    }

    /// <summary>Destroys units of a module-issued asset held by an account.</summary>
    public ResultCode Burn(AssetId asset, Address from, in Amount amount, FlowTag tag)
    {
        if (amount.IsZero) return ResultCode.Ok;
        var info = State.FindAsset(asset);
        if (info is null) return ResultCode.UnknownAsset;
        var code = TransactionExecutor.Debit(State, State.GetOrCreate(from), asset, amount);
        if (code != ResultCode.Ok) return code;
        State.SetSupply(asset, info.Supply - amount);
        Events.Add(new LedgerEvent(tag, asset, from, default, amount));
        return ResultCode.Ok;
    }

    /// <summary>Runs <paramref name="check"/> when every step of the transaction is done; its failure reverts all of it.</summary>
    public void Defer(string name, Func<ResultCode> check) => (_deferred ??= []).Add((name, check));

    /// <summary>Takes a re-entrancy lock (Uniswap's <c>lock</c>); false when it is already held in this transaction.</summary>
    public bool TryLock(StateKey key) => (_locks ??= []).Add(key);

    /// <summary>Releases a lock taken with <see cref="TryLock"/>.</summary>
    public void Unlock(StateKey key) => _locks?.Remove(key);

    /// <summary>Whether a lock is held.</summary>
    public bool IsLocked(StateKey key) => _locks?.Contains(key) ?? false;

    /// <summary>Runs the deferred checks in the order they were registered; the first failure wins.</summary>
    public ResultCode Settle()
    {
        if (_deferred is null) return ResultCode.Ok;
        for (int i = 0; i < _deferred.Count; i++)
        {
            var code = _deferred[i].Check();
            if (code != ResultCode.Ok) return code;
        }

        _deferred.Clear();
        return ResultCode.Ok;
    }
}
