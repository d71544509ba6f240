using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules;

/// <summary>
/// Work the modules do once per block, after its transactions and before its state root: matching open compute jobs,
/// expiring deadlines, settling verified jobs. It is part of Apply, so every validator runs it the same way; what it
/// moves is reported in one extra receipt at the end of the block (id <see cref="ReceiptId"/>), present only when
/// something moved. A step may not fail: a refusal inside one is a bug and throws.
/// </summary>
public static class EndBlock
{
    /// <summary>The transaction id of the end-of-block receipt (no transaction has the zero hash).</summary>
    public static Hash32 ReceiptId => default;

    /// <summary>The steps, in the order they run. Each sees the block's context; its sender is <see cref="SystemAddress"/>.</summary>
    private static readonly Action<TxContext>[] Steps = [Market.MarketModule.EndBlock];

    /// <summary>The address end-of-block steps act as (a module address: no key signs for it).</summary>
    public static Address SystemAddress { get; } = Address.ForModule("end-block");

    /// <summary>Runs every step on the block's state; returns the receipt of what moved, or null when nothing did.</summary>
    public static Receipt? Run(LedgerState state, ulong height, ulong timestampMs, Address proposer)
    {
        if (Steps.Length == 0) return null;
        var events = new List<LedgerEvent>();
        var context = new TxContext(state, Account.Detached(SystemAddress), height, timestampMs, proposer, events);
        foreach (var step in Steps) step(context);
        return events.Count == 0 ? null : new Receipt(ReceiptId, ResultCode.Ok, [.. events]);
    }
}
