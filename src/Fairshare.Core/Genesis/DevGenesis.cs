using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>
/// The one builder of development genesis configs: the tests' chains, the local network of the demo, the testnet, the
/// benchmarks and the simulator all start from it, so they share the assets, fee split, treasury, start time and minimum
/// fee unless they say otherwise. Each <c>With…</c>/<c>Fund…</c> returns a new builder (the style of Nethermind's
/// <c>Build.A…</c> test builders):
/// <code>
/// var genesis = DevGenesis.For("fairshare-test").WithValidator(key.PublicKey).Fund(alice, Cohort.Airdrop, "alice", amount).Build();
/// </code>
/// Production genesis files are written by hand and read by <see cref="GenesisParser"/>; this builder is for chains
/// whose keys are development keys (<see cref="KeyPair.ForDevelopment"/>).
/// </summary>
public sealed record DevGenesis
{
    /// <summary>The start time of every development chain: 2026-01-01T00:00:00Z in Unix milliseconds.</summary>
    public const ulong DefaultTimeMs = 1_767_225_600_000;

    /// <summary>The fee split every development chain starts with: half of each fee to the block's validator.</summary>
    public const ushort DefaultFeeValidatorBps = 5_000;

    /// <summary>The minimum fee of development chains: 10^12 base units (0.000001 FSH).</summary>
    public static Amount DefaultMinFee { get; } = new(1_000_000_000_000);

    /// <summary>The treasury of development chains.</summary>
    public static Address DefaultTreasury { get; } = Address.ForModule("treasury");

    /// <summary>FSH as registered at genesis (18 decimals, no issuer).</summary>
    private static readonly GenesisAsset Fsh = new(AssetId.Fsh, "FSH", Units.Decimals, null);

    private DevGenesis(string chainId) => ChainId = chainId;

    /// <summary>The chain id.</summary>
    public string ChainId { get; }

    /// <summary>The start time in Unix milliseconds.</summary>
    public ulong TimeMs { get; init; } = DefaultTimeMs;

    /// <summary>The minimum fee.</summary>
    public Amount MinFee { get; init; } = DefaultMinFee;

    /// <summary>The validator's share of fees in basis points.</summary>
    public ushort FeeValidatorBps { get; init; } = DefaultFeeValidatorBps;

    /// <summary>The treasury.</summary>
    public Address Treasury { get; init; } = DefaultTreasury;

    /// <summary>The registered assets (FSH, and USDF once <see cref="WithUsdf"/> names an issuer).</summary>
    public ImmutableArray<GenesisAsset> Assets { get; init; } = [Fsh];

    /// <summary>The validators.</summary>
    public ImmutableArray<PublicKey> Validators { get; init; } = [];

    /// <summary>The allocations, in the order they were added.</summary>
    public ImmutableArray<GenesisAllocation> Allocations { get; init; } = [];

    /// <summary>The module parameters set at genesis.</summary>
    public ImmutableArray<GenesisParameter> Parameters { get; init; } = [];

    /// <summary>A builder for chain <paramref name="chainId"/> with the development defaults.</summary>
    public static DevGenesis For(string chainId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chainId);
        return new DevGenesis(chainId);
    }

    /// <summary>Starts the chain at <paramref name="timeMs"/> (Unix milliseconds).</summary>
    public DevGenesis At(ulong timeMs) => this with { TimeMs = timeMs };

    /// <summary>Sets the minimum fee.</summary>
    public DevGenesis WithMinFee(Amount minFee) => this with { MinFee = minFee };

    /// <summary>Sets the treasury.</summary>
    public DevGenesis WithTreasury(Address treasury) => this with { Treasury = treasury };

    /// <summary>Adds a validator.</summary>
    public DevGenesis WithValidator(PublicKey validator) => this with { Validators = Validators.Add(validator) };

    /// <summary>Registers USDF (18 decimals) with <paramref name="issuer"/> as the only account that mints it.</summary>
    public DevGenesis WithUsdf(Address issuer) => this with { Assets = Assets.Add(new GenesisAsset(AssetId.Usdf, "USDF", Units.Decimals, issuer)) };

    /// <summary>Gives <paramref name="address"/> <paramref name="amount"/> FSH at genesis, tagged with its cohort.</summary>
    public DevGenesis Fund(Address address, Cohort cohort, string label, Amount amount) =>
        this with { Allocations = Allocations.Add(new GenesisAllocation(address, cohort, label, amount, null)) };

    /// <summary>Gives <paramref name="address"/> <paramref name="amount"/> FSH that vests on <paramref name="vesting"/>.</summary>
    public DevGenesis FundVesting(Address address, Cohort cohort, string label, Amount amount, GenesisVesting vesting) =>
        this with { Allocations = Allocations.Add(new GenesisAllocation(address, cohort, label, amount, vesting)) };

    /// <summary>Sets module parameter <paramref name="name"/> (its governance name) at genesis.</summary>
    public DevGenesis WithParameter(string name, Amount value) => this with { Parameters = Parameters.Add(new GenesisParameter(name, value)) };

    /// <summary>Sets every parameter of <paramref name="parameters"/> at genesis.</summary>
    public DevGenesis WithParameters(IEnumerable<GenesisParameter> parameters) => this with { Parameters = Parameters.AddRange(parameters) };

    /// <summary>The genesis config (checked when <see cref="GenesisBuilder.Build"/> turns it into a state).</summary>
    public GenesisConfig Build() =>
        new(ChainId, TimeMs, Assets, MinFee, FeeValidatorBps, Treasury, Validators, Allocations) { Parameters = Parameters };
}
