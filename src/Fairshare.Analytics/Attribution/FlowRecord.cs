using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Attribution;

/// <summary>One flow-tagged ledger event with where it happened (the end-of-block receipt has the zero transaction id).</summary>
/// <param name="Height">The block.</param>
/// <param name="TimestampMs">The block's time, Unix milliseconds.</param>
/// <param name="TxId">The transaction (zero for the end-of-block receipt).</param>
/// <param name="Event">The movement: tag, asset, from, to, amount (a mint comes from the zero address, a burn goes to it).</param>
public readonly record struct FlowRecord(ulong Height, ulong TimestampMs, Hash32 TxId, LedgerEvent Event);
