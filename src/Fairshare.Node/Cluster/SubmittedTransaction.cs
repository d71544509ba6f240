using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

/// <summary>
/// One transaction's fate: committed (<see cref="Height"/> set, code <c>Ok</c>, its events), refused (another code,
/// nothing changed), or still pending (<see cref="IsPending"/>: accepted, not committed when the wait ended).
/// </summary>
public sealed record SubmittedTransaction(Hash32 TxId, ResultCode Code, ulong? Height, ImmutableArray<LedgerEvent> Events, bool IsPending = false);
