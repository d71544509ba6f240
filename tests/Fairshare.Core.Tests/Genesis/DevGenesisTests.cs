using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Genesis;

/// <summary>
/// The one development genesis builder: its defaults are the values every development chain documents (FSH with 18
/// decimals, half of each fee to the validator, the module treasury, 2026-01-01, a 10^12 minimum fee), and what it is
/// told lands in the config in order, the same config a hand-written one would be.
/// </summary>
public sealed class DevGenesisTests
{
    private static readonly KeyPair Validator = KeyPair.ForDevelopment("dev-genesis/validator");
    private static readonly KeyPair Alice = KeyPair.ForDevelopment("dev-genesis/alice");
    private static readonly KeyPair Issuer = KeyPair.ForDevelopment("dev-genesis/issuer");

    [Fact]
    public void Defaults_AreTheDocumentedDevelopmentValues()
    {
        var config = DevGenesis.For("dev-chain").WithValidator(Validator.PublicKey).Build();

        Assert.Equal("dev-chain", config.ChainId);
        Assert.Equal(1_767_225_600_000UL, config.GenesisTimeMs); // 2026-01-01T00:00:00Z
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), (long)config.GenesisTimeMs);
        Assert.Equal(Amount.Parse("1000000000000"), config.MinFee);
        Assert.Equal((ushort)5000, config.FeeValidatorBps);
        Assert.Equal(Address.ForModule("treasury"), config.Treasury);
        var fsh = Assert.Single(config.Assets);
        Assert.Equal((AssetId.Fsh, "FSH", (byte)18, (Address?)null), (fsh.Id, fsh.Symbol, fsh.Decimals, fsh.Issuer));
        Assert.Equal<PublicKey>([Validator.PublicKey], config.Validators);
        Assert.Empty(config.Allocations);
        Assert.Empty(config.Parameters);
    }

    [Fact]
    public void EverythingItIsTold_LandsInTheConfig_InOrder()
    {
        var vesting = new GenesisVesting(0, 10, 100);
        var config = DevGenesis.For("dev-chain")
            .At(42)
            .WithMinFee(new Amount(1000))
            .WithTreasury(Alice.Address)
            .WithValidator(Validator.PublicKey)
            .WithUsdf(Issuer.Address)
            .Fund(Alice.Address, Cohort.Airdrop, "alice", new Amount(7))
            .FundVesting(Issuer.Address, Cohort.Founders, "issuer", new Amount(9), vesting)
            .WithParameter("market.spot-check-ppm", new Amount(5))
            .Build();

        var expected = new GenesisConfig(
            "dev-chain", 42,
            [new GenesisAsset(AssetId.Fsh, "FSH", 18, null), new GenesisAsset(AssetId.Usdf, "USDF", 18, Issuer.Address)],
            new Amount(1000), 5000, Alice.Address,
            [Validator.PublicKey],
            [new GenesisAllocation(Alice.Address, Cohort.Airdrop, "alice", new Amount(7), null), new GenesisAllocation(Issuer.Address, Cohort.Founders, "issuer", new Amount(9), vesting)])
        {
            Parameters = [new GenesisParameter("market.spot-check-ppm", new Amount(5))],
        };
        Assert.Equal(expected.Hash(), config.Hash());
        Assert.Equal<GenesisAllocation>(expected.Allocations, config.Allocations);
    }

    [Fact]
    public void EachStep_ReturnsANewBuilder_AndLeavesTheOldOneAsItWas()
    {
        var empty = DevGenesis.For("dev-chain");
        var funded = empty.Fund(Alice.Address, Cohort.Airdrop, "alice", new Amount(1));

        Assert.Empty(empty.Allocations);
        Assert.Single(funded.Allocations);
    }

    [Fact]
    public void ABuiltGenesis_BecomesAStateWithItsSupply()
    {
        var config = DevGenesis.For("dev-chain").WithValidator(Validator.PublicKey)
            .Fund(Alice.Address, Cohort.Airdrop, "alice", Units.Fsh(3))
            .Fund(Issuer.Address, Cohort.Treasury, "issuer", Units.Fsh(4))
            .Build();

        var (state, error) = GenesisBuilder.Build(config);

        Assert.Null(error);
        Assert.Equal(Amount.Parse("7000000000000000000"), state!.FindAsset(AssetId.Fsh)!.Supply);
    }

    [Fact]
    public void AChainWithoutAValidator_IsRefused_WhenBuiltIntoAState()
    {
        var (_, error) = GenesisBuilder.Build(DevGenesis.For("dev-chain").Build());

        Assert.Equal(ResultCode.GenesisBadValue, error!.Code);
    }

    [Fact]
    public void ABlankChainId_IsABugInTheCaller()
    {
        Assert.Throws<ArgumentException>(() => DevGenesis.For(" "));
    }
}
