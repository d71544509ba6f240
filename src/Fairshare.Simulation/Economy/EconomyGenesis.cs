using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Primitives;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Economy;

/// <summary>
/// A UNI-like genesis (research note §5, figure 1) of 1,000,000,000 FSH: founders and advisors 21.956% and investors
/// 18.044%, both vesting; treasury 43% (the protocol-owned liquidity comes out of it); airdrop 15% (every agent's
/// starting FSH, the rest in an airdrop pool); provider bootstrap 2%. A cohort with no agents goes to a reserve account
/// that never acts. Mechanisms are genesis parameters by their governance names.
/// </summary>
internal sealed class EconomyGenesis
{
    /// <summary>The genesis supply in whole FSH.</summary>
    public const double Supply = 1_000_000_000;

    /// <summary>Founders and advisors' share (UNI: team 21.266% + advisors 0.69%).</summary>
    public const double FoundersShare = 0.21956;

    /// <summary>Investors' share (UNI: 18.044%).</summary>
    public const double InvestorsShare = 0.18044;

    /// <summary>Treasury's share (UNI: 43%).</summary>
    public const double TreasuryShare = 0.43;

    /// <summary>Airdrop's share (UNI: 15%).</summary>
    public const double AirdropShare = 0.15;

    /// <summary>Provider bootstrap (UNI: 2% liquidity mining).</summary>
    public const double ProvidersShare = 0.02;

    private readonly List<GenesisAllocation> _allocations = [];
    private double _airdrop;

    /// <summary>The treasury account (the chain's governed treasury).</summary>
    public static Address Treasury { get; } = DevGenesis.DefaultTreasury;

    /// <summary>Gives an agent FSH out of the airdrop.</summary>
    public void Airdrop(KeyPair key, string label, double fsh)
    {
        _airdrop += fsh;
        _allocations.Add(new GenesisAllocation(key.Address, Cohort.Airdrop, label, TokenUnits.Tokens(fsh), null));
    }

    /// <summary>Adds a vesting allocation of a cohort.</summary>
    public void Vesting(KeyPair key, Cohort cohort, string label, Amount amount, EconomyParameters p) =>
        _allocations.Add(new GenesisAllocation(key.Address, cohort, label, amount, new GenesisVesting(0, (ulong)p.VestingCliffBlocks, (ulong)p.VestingDurationBlocks)));

    /// <summary>The genesis config, after the cohort remainders are placed.</summary>
    public GenesisConfig Build(EconomyParameters p, KeyPair validator, KeyPair issuer, KeyPair marketMaker, double marketMakerFsh, bool founders, bool investors)
    {
        if (_airdrop > Supply * AirdropShare)
            throw new ScenarioException("bad_parameter", $"the agents need {_airdrop:N0} FSH but the airdrop is {Supply * AirdropShare:N0}; use fewer agents or a smaller pool");
        var allocations = new List<GenesisAllocation>(_allocations);
        if (!founders) allocations.Add(Reserve("founders-reserve", Cohort.Founders, Supply * FoundersShare, p));
        if (!investors) allocations.Add(Reserve("investors-reserve", Cohort.Investors, Supply * InvestorsShare, p));
        allocations.Add(new GenesisAllocation(marketMaker.Address, Cohort.Treasury, "protocol-owned liquidity", TokenUnits.Tokens(marketMakerFsh), null));
        allocations.Add(new GenesisAllocation(Treasury, Cohort.Treasury, "treasury", TokenUnits.Tokens(Supply * TreasuryShare - marketMakerFsh - 10_000), null));
        allocations.Add(new GenesisAllocation(issuer.Address, Cohort.Treasury, "usdf issuer", TokenUnits.Tokens(10_000), null));
        allocations.Add(Plain("airdrop-pool", Cohort.Airdrop, Supply * AirdropShare - _airdrop));
        allocations.Add(Plain("provider-bootstrap", Cohort.Providers, Supply * ProvidersShare));
        var parameters = ImmutableArray.Create(
            new GenesisParameter("market.matching-policy", new Amount((ulong)p.MatchingPolicy)),
            new GenesisParameter("market.reward-curve", new Amount((ulong)p.RewardCurve)),
            new GenesisParameter("market.reward-cap-bps", new Amount((ulong)p.RewardCapBps)),
            new GenesisParameter("market.fair-share-band-bps", new Amount((ulong)p.FairShareBandBps)),
            new GenesisParameter("market.provider-emission", TokenUnits.Tokens(p.ProviderEmission)),
            new GenesisParameter("market.emission-epoch-blocks", new Amount((ulong)p.EmissionEpochBlocks)),
            new GenesisParameter("market.spot-check-ppm", new Amount((ulong)p.SpotCheckPpm)),
            new GenesisParameter("gov.voting-rule", new Amount((ulong)p.VotingRule)),
            new GenesisParameter("gov.cap-bps", new Amount((ulong)p.VotingCapBps)));
        return (DevGenesis.For(EconomyWorld.ChainId).WithMinFee(EconomyWorld.MinFee).WithUsdf(issuer.Address).WithValidator(validator.PublicKey) with
        {
            Allocations = [.. allocations],
            Parameters = parameters,
        }).Build();
    }

    private static GenesisAllocation Reserve(string label, Cohort cohort, double fsh, EconomyParameters p) =>
        new(KeyPair.ForDevelopment($"economy/{label}").Address, cohort, label, TokenUnits.Tokens(fsh),
            new GenesisVesting(0, (ulong)p.VestingCliffBlocks, (ulong)p.VestingDurationBlocks));

    private static GenesisAllocation Plain(string label, Cohort cohort, double fsh) =>
        new(KeyPair.ForDevelopment($"economy/{label}").Address, cohort, label, TokenUnits.Tokens(fsh), null);
}
