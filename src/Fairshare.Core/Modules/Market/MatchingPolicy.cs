namespace Fairshare.Core.Modules.Market;

/// <summary>How the matcher picks a provider for a slot (design §5.2); governed by <c>market.matching-policy</c>.</summary>
public enum MatchingPolicy : byte
{
    /// <summary>The cheapest eligible provider (ties: higher reputation, then lower address): winner takes all.</summary>
    LowestPrice = 0,

    /// <summary>Reputation × (1 + capacity share − work share) / price: providers behind their share of capacity catch up.</summary>
    FairShare = 1,

    /// <summary>The client's weights over price, speed, reputation and energy terms.</summary>
    Weighted = 2,
}
