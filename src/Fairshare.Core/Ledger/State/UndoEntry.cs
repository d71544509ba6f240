using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>One journaled change, enough to put the old value back.</summary>
internal readonly record struct UndoEntry(
    UndoKind Kind, Account? Account, AssetId Asset, Amount OldAmount, ulong OldNonce, VestingSchedule? OldVesting,
    StateKey Key = default, byte[]? OldRecord = null, ChainParams? OldParams = null);
