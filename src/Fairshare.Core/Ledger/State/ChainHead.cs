using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>The last committed block: height 0 is genesis, whose hash is the genesis hash.</summary>
public sealed record ChainHead(ulong Height, Hash32 BlockHash, ulong TimestampMs, Hash32 StateRoot);
