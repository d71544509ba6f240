using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>What a provider computed for one slot: the output's content address, its commit salt, and when it may commit.</summary>
/// <param name="OutputHash">SHA-256 of the output blob (its address in the blob store).</param>
/// <param name="Salt">The salt of the commitment (derived from the provider's key, so it survives a restart).</param>
/// <param name="ReadyAtHeight">The first height at which the agent commits (later for a slow provider).</param>
public sealed record SlotWork(Hash32 OutputHash, Hash32 Salt, ulong ReadyAtHeight);
