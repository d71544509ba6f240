using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;

namespace Fairshare.Client;

/// <summary>
/// A node's committed state, downloaded and checked: its recomputed root equals the state root of the block at its
/// height, and that block carries a valid signature of its proposer, a validator the state itself lists. At height 0
/// there is no block to check against and <see cref="Block"/> is null.
/// </summary>
public sealed record VerifiedState(LedgerState State, Block? Block);
