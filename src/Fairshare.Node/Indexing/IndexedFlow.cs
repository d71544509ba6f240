using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Indexing;

/// <summary>One flow-tagged event with where it happened (the end-of-block receipt has the zero transaction id).</summary>
public sealed record IndexedFlow(ulong Height, ulong TimestampMs, Hash32 TxId, LedgerEvent Event);
