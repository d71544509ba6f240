using System.Collections.Immutable;
using Fairshare.Core.Ledger.Blocks;

namespace Fairshare.Node.Chain;

/// <summary>The block that was committed (null when no candidate was valid) and the candidates left out.</summary>
public sealed record CommitOutcome(ProducedBlock? Produced, ImmutableArray<RejectedTransaction> Rejected);
