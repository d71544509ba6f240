namespace Fairshare.Testing;

/// <summary>How a simulated provider of <see cref="MarketHarness"/> acts on its slots.</summary>
public enum ProviderBehaviour
{
    /// <summary>Commits and reveals the true output of every slot at once.</summary>
    Honest,

    /// <summary>Like honest, but on each executing slot returns a wrong output with its profile's cheat fraction.</summary>
    Cheater,

    /// <summary>Sends heartbeats but never acts on its slots, so every slot misses its deadline.</summary>
    Slow,

    /// <summary>Does nothing by itself: the test sends its transactions.</summary>
    Manual,
}
