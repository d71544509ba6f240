namespace Fairshare.Agents;

/// <summary>
/// How a provider agent departs from the protocol, for demos, benchmarks and tests of the verification policies. The
/// default is honest and prompt. Choices are drawn from a hash of the seed and the slot, so a run is reproducible.
/// </summary>
/// <param name="CheatPpm">The share of its slots (parts per million) on which it returns a wrong output.</param>
/// <param name="DelayBlocks">How many blocks after an assignment it waits before committing (a slow machine).</param>
/// <param name="DelayJitterBlocks">Extra delay of 0 … this many blocks, drawn per slot.</param>
/// <param name="Seed">The seed of the draws.</param>
public sealed record ProviderBehavior(uint CheatPpm = 0, uint DelayBlocks = 0, uint DelayJitterBlocks = 0, ulong Seed = 0)
{
    /// <summary>Honest and prompt.</summary>
    public static ProviderBehavior Honest { get; } = new();

    /// <summary>Whether the behaviour departs from the protocol at all.</summary>
    public bool IsHonest => CheatPpm == 0 && DelayBlocks == 0 && DelayJitterBlocks == 0;
}
