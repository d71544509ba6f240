namespace Fairshare.Core.Ledger.State;

/// <summary>What a journal entry undoes.</summary>
internal enum UndoKind : byte
{
    Balance,
    Nonce,
    Vesting,
    Created,
    Supply,
    AssetRegistered,
    Record,
    Params,
}
