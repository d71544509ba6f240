using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Testing;

/// <summary>A simulated provider of <see cref="MarketHarness"/>: its key name, offer and behaviour.</summary>
/// <param name="Name">The development key's name.</param>
/// <param name="PricePerWorkUnit">Its price per work unit, in FSH base units.</param>
/// <param name="Capacity">Its concurrent slots.</param>
/// <param name="Behaviour">How it acts on its slots.</param>
/// <param name="CheatFraction">For a cheater: the fraction of executing slots it answers wrongly.</param>
/// <param name="BenchmarkScore">Its measured work units per second.</param>
/// <param name="RenewablePercent">Its renewable share of power.</param>
public sealed record ProviderProfile(
    string Name,
    Amount PricePerWorkUnit,
    ushort Capacity,
    ProviderBehaviour Behaviour = ProviderBehaviour.Honest,
    double CheatFraction = 0,
    ulong BenchmarkScore = 1_000,
    byte RenewablePercent = 50)
{
    /// <summary>The offer it registers: a GPU with 24 GiB.</summary>
    public ProviderOffer Offer => new(
        DeviceClass.Gpu, 24_576, BenchmarkScore, PricePerWorkUnit, Capacity, "eu-west", 200, RenewablePercent, $"test GPU of {Name}");
}
