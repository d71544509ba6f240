using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>What a provider agent puts on the chain: its offer, its self-bond and its commission, and how it behaves.</summary>
/// <param name="Name">A display name (also its development key name in local networks).</param>
/// <param name="Offer">The market offer it registers.</param>
/// <param name="SelfBond">FSH it bonds to its own stake pool.</param>
/// <param name="CommissionBps">Its commission on delegators' share of its income, in basis points.</param>
/// <param name="Behavior">Honest, cheating or slow.</param>
public sealed record ProviderProfile(string Name, ProviderOffer Offer, Amount SelfBond, ushort CommissionBps, ProviderBehavior Behavior);
