using System.Collections.Immutable;
using Fairshare.Core.Ledger.Blocks;

namespace Fairshare.Agents;

/// <summary>One block of a local network: its height, how many transactions it took, and the ones it refused.</summary>
/// <param name="Height">The block's height.</param>
/// <param name="Included">Transactions in the block.</param>
/// <param name="Rejected">Transactions the block refused, with their codes.</param>
public sealed record NetworkStep(ulong Height, int Included, ImmutableArray<RejectedTransaction> Rejected);
