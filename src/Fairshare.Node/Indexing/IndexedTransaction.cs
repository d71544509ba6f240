using Fairshare.Core.Ledger;

namespace Fairshare.Node.Indexing;

/// <summary>A committed transaction: its block height, its position in the block, and its receipt.</summary>
public sealed record IndexedTransaction(ulong Height, int Position, Receipt Receipt);
