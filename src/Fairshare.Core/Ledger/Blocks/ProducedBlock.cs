using System.Collections.Immutable;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>
/// A block made by a proposer (null when no candidate was valid and empty blocks were not wanted), its receipts,
/// and the candidates it left out with their codes.
/// </summary>
public sealed record ProducedBlock(Block? Block, ImmutableArray<Receipt> Receipts, ImmutableArray<RejectedTransaction> Rejected);
