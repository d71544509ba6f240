using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Market;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Economy;

/// <summary>
/// The economy model's parameters (a scenario's <c>"parameters"</c> object, snake_case keys; every key is optional and
/// falls back to the default shown in <c>docs/simulation.md</c>). Agent behaviour is in doubles (FSH amounts, shares,
/// rates); what reaches the ledger is converted to exact base units. Mechanisms are set as genesis parameters, so the
/// real modules enforce them.
/// </summary>
public sealed record EconomyParameters
{
    /// <summary>Providers (compute sellers).</summary>
    public int Providers { get; init; } = 50;

    /// <summary>Clients (compute buyers).</summary>
    public int Clients { get; init; } = 20;

    /// <summary>Small liquidity providers in the FSH/USDF AMM pool.</summary>
    public int SmallLps { get; init; } = 10;

    /// <summary>Whales: large LPs that also swap large amounts.</summary>
    public int Whales { get; init; } = 2;

    /// <summary>Founders (team cohort, vesting).</summary>
    public int Founders { get; init; } = 4;

    /// <summary>Venture investors (investor cohort, vesting).</summary>
    public int Investors { get; init; } = 6;

    /// <summary>Token holders from the airdrop who lock FSH and vote.</summary>
    public int Voters { get; init; } = 30;

    /// <summary>Arbitrageurs between the AMM pool and the StableSwap pool of FSH/USDF.</summary>
    public int Arbitrageurs { get; init; } = 1;

    /// <summary>Flash-loan attackers against Lending.</summary>
    public int FlashLoanAttackers { get; init; }

    /// <summary>Retail buyers of the rug-pull (0: no rug pull).</summary>
    public int RugBuyers { get; init; }

    /// <summary>The block at whose start the dominant LP removes all its liquidity (rug pull).</summary>
    public int RugAtBlock { get; init; } = 300;

    /// <summary>Lowest provider cost per work unit, FSH.</summary>
    public double ProviderCostMin { get; init; } = 0.5;

    /// <summary>Highest provider cost per work unit, FSH.</summary>
    public double ProviderCostMax { get; init; } = 1.5;

    /// <summary>Price = cost × markup.</summary>
    public double ProviderMarkup { get; init; } = 1.2;

    /// <summary>How providers price: false keeps cost × markup all run; true reprices toward what wins work (see <see cref="RepriceEveryBlocks"/>).</summary>
    public bool AdaptivePricing { get; init; }

    /// <summary>Blocks between an adaptive provider's repricings.</summary>
    public int RepriceEveryBlocks { get; init; } = 50;

    /// <summary>An adaptive provider's relative price change per repricing.</summary>
    public double PriceStep { get; init; } = 0.05;

    /// <summary>An adaptive provider's highest price, as a multiple of its cost.</summary>
    public double PriceCeilingMarkup { get; init; } = 2.0;

    /// <summary>Below this share of its capacity in use over a repricing period, an adaptive provider cuts its price (never below cost).</summary>
    public double IdleUtilization { get; init; } = 0.25;

    /// <summary>Above this share of its capacity in use over a repricing period, an adaptive provider raises its price (up to the ceiling).</summary>
    public double BusyUtilization { get; init; } = 0.75;

    /// <summary>Work units a provider executes per block per 1,000 of benchmark score (0: at once, in the block a slot is assigned).</summary>
    public double ProviderSpeed { get; init; }

    /// <summary>Largest provider capacity (slots at once); capacities are drawn from 1 to this, skewed to the small.</summary>
    public int ProviderCapacityMax { get; init; } = 8;

    /// <summary>Share of providers that cheat.</summary>
    public double CheaterShare { get; init; } = 0.1;

    /// <summary>Share of a cheater's executing slots answered wrongly.</summary>
    public double CheatRate { get; init; } = 0.3;

    /// <summary>A provider's fixed cost per block (FSH); one whose income stays below its costs over <see cref="ExitAfterBlocks"/> leaves.</summary>
    public double ProviderFixedCost { get; init; } = 0.2;

    /// <summary>
    /// A provider's fixed cost per block that scales with its hardware: this share of what running at full capacity
    /// costs it per block (cost × capacity × speed × benchmark score / 1,000); added to <see cref="ProviderFixedCost"/>;
    /// needs <see cref="ProviderSpeed"/>.
    /// </summary>
    public double FixedCostShare { get; init; }

    /// <summary>The window over which a provider judges its profit (0: never exits).</summary>
    public int ExitAfterBlocks { get; init; } = 400;

    /// <summary>Jobs per block per client when the market price is half its willingness to pay.</summary>
    public double Demand { get; init; } = 0.08;

    /// <summary>What clients pay at most per work unit (FSH); each client's own is 0.8 to 1.2 times this.</summary>
    public double WillingnessToPay { get; init; } = 3.0;

    /// <summary>Work units per job.</summary>
    public int JobWorkUnits { get; init; } = 100;

    /// <summary>Blocks a slot has to reveal.</summary>
    public int JobDeadlineBlocks { get; init; } = 10;

    /// <summary><c>market.matching-policy</c>.</summary>
    public MatchingPolicy MatchingPolicy { get; init; } = MatchingPolicy.LowestPrice;

    /// <summary><c>market.reward-curve</c>.</summary>
    public RewardCurve RewardCurve { get; init; } = RewardCurve.Linear;

    /// <summary><c>market.reward-cap-bps</c>.</summary>
    public int RewardCapBps { get; init; } = 500;

    /// <summary><c>market.fair-share-band-bps</c>.</summary>
    public int FairShareBandBps { get; init; } = (int)MarketParams.Default.FairShareBandBps;

    /// <summary><c>market.provider-emission</c>, FSH per block.</summary>
    public double ProviderEmission { get; init; }

    /// <summary><c>market.emission-epoch-blocks</c>.</summary>
    public int EmissionEpochBlocks { get; init; } = 100;

    /// <summary><c>market.spot-check-ppm</c>.</summary>
    public int SpotCheckPpm { get; init; } = 100_000;

    /// <summary><c>gov.voting-rule</c>.</summary>
    public VotingRule VotingRule { get; init; } = VotingRule.TokenWeighted;

    /// <summary><c>gov.cap-bps</c> (capped voting).</summary>
    public int VotingCapBps { get; init; } = 500;

    /// <summary>Blocks between governance proposals (0: none).</summary>
    public int ProposalEveryBlocks { get; init; } = 200;

    /// <summary>Share of their FSH that voters lock for votes.</summary>
    public double VoterLockShare { get; init; } = 0.5;

    /// <summary>Vesting cliff of founders and investors, blocks.</summary>
    public int VestingCliffBlocks { get; init; } = 200;

    /// <summary>Vesting duration of founders and investors, blocks.</summary>
    public int VestingDurationBlocks { get; init; } = 2_000;

    /// <summary>Blocks between an insider's vesting claims.</summary>
    public int ClaimEveryBlocks { get; init; } = 100;

    /// <summary>Share of each claim an insider sells for USDF (the rest it locks for votes).</summary>
    public double InsiderSellShare { get; init; } = 0.5;

    /// <summary>FSH in the AMM pool at the start (the protocol-owned liquidity; the rug-pull's dominant LP).</summary>
    public double PoolFsh { get; init; } = 10_000_000;

    /// <summary>USDF in the AMM pool at the start (the initial price is PoolUsdf / PoolFsh).</summary>
    public double PoolUsdf { get; init; } = 10_000_000;

    /// <summary>Amplification of the StableSwap FSH/USDF pool the arbitrageurs trade against.</summary>
    public int StableAmplification { get; init; } = 1;

    /// <summary>Blocks between the flash-loan attacker's attempts.</summary>
    public int AttackEveryBlocks { get; init; } = 50;

    private static readonly Dictionary<string, MatchingPolicy> MatchingPolicies = new(StringComparer.Ordinal)
    {
        ["lowest-price"] = MatchingPolicy.LowestPrice,
        ["fair-share"] = MatchingPolicy.FairShare,
        ["weighted"] = MatchingPolicy.Weighted,
    };

    private static readonly Dictionary<string, bool> Pricings = new(StringComparer.Ordinal)
    {
        ["fixed"] = false,
        ["adaptive"] = true,
    };

    private static readonly Dictionary<string, RewardCurve> RewardCurves = new(StringComparer.Ordinal)
    {
        ["linear"] = RewardCurve.Linear,
        ["concave"] = RewardCurve.Concave,
        ["capped"] = RewardCurve.Capped,
    };

    private static readonly Dictionary<string, VotingRule> VotingRules = new(StringComparer.Ordinal)
    {
        ["token-weighted"] = VotingRule.TokenWeighted,
        ["quadratic"] = VotingRule.Quadratic,
        ["capped"] = VotingRule.Capped,
    };

    private static readonly Dictionary<string, Func<EconomyParameters, JsonNode, string, EconomyParameters>> Setters = new(StringComparer.Ordinal)
    {
        ["providers"] = (p, v, k) => p with { Providers = Int(v, k, 1, 2_000) },
        ["clients"] = (p, v, k) => p with { Clients = Int(v, k, 1, 2_000) },
        ["small_lps"] = (p, v, k) => p with { SmallLps = Int(v, k, 0, 2_000) },
        ["whales"] = (p, v, k) => p with { Whales = Int(v, k, 0, 100) },
        ["founders"] = (p, v, k) => p with { Founders = Int(v, k, 0, 100) },
        ["investors"] = (p, v, k) => p with { Investors = Int(v, k, 0, 100) },
        ["voters"] = (p, v, k) => p with { Voters = Int(v, k, 0, 5_000) },
        ["arbitrageurs"] = (p, v, k) => p with { Arbitrageurs = Int(v, k, 0, 100) },
        ["flash_loan_attackers"] = (p, v, k) => p with { FlashLoanAttackers = Int(v, k, 0, 10) },
        ["rug_buyers"] = (p, v, k) => p with { RugBuyers = Int(v, k, 0, 1_000) },
        ["rug_at_block"] = (p, v, k) => p with { RugAtBlock = Int(v, k, 3, 10_000_000) },
        ["provider_cost_min"] = (p, v, k) => p with { ProviderCostMin = Real(v, k, 1e-6, 1e6) },
        ["provider_cost_max"] = (p, v, k) => p with { ProviderCostMax = Real(v, k, 1e-6, 1e6) },
        ["provider_markup"] = (p, v, k) => p with { ProviderMarkup = Real(v, k, 1, 100) },
        ["pricing"] = (p, v, k) => p with { AdaptivePricing = Choice(v, k, Pricings) },
        ["reprice_every_blocks"] = (p, v, k) => p with { RepriceEveryBlocks = Int(v, k, 1, 1_000_000) },
        ["price_step"] = (p, v, k) => p with { PriceStep = Real(v, k, 0, 0.5) },
        ["price_ceiling_markup"] = (p, v, k) => p with { PriceCeilingMarkup = Real(v, k, 1, 100) },
        ["idle_utilization"] = (p, v, k) => p with { IdleUtilization = Real(v, k, 0, 1) },
        ["busy_utilization"] = (p, v, k) => p with { BusyUtilization = Real(v, k, 0, 1) },
        ["provider_speed"] = (p, v, k) => p with { ProviderSpeed = Real(v, k, 0, 1e9) },
        ["provider_capacity_max"] = (p, v, k) => p with { ProviderCapacityMax = Int(v, k, 1, 1_000) },
        ["cheater_share"] = (p, v, k) => p with { CheaterShare = Real(v, k, 0, 1) },
        ["cheat_rate"] = (p, v, k) => p with { CheatRate = Real(v, k, 0, 1) },
        ["provider_fixed_cost"] = (p, v, k) => p with { ProviderFixedCost = Real(v, k, 0, 1e6) },
        ["fixed_cost_share"] = (p, v, k) => p with { FixedCostShare = Real(v, k, 0, 100) },
        ["exit_after_blocks"] = (p, v, k) => p with { ExitAfterBlocks = Int(v, k, 0, 10_000_000) },
        ["demand"] = (p, v, k) => p with { Demand = Real(v, k, 0, 100) },
        ["willingness_to_pay"] = (p, v, k) => p with { WillingnessToPay = Real(v, k, 1e-6, 1e6) },
        ["job_work_units"] = (p, v, k) => p with { JobWorkUnits = Int(v, k, 1, 1_000_000) },
        ["job_deadline_blocks"] = (p, v, k) => p with { JobDeadlineBlocks = Int(v, k, 2, 1_000) },
        ["matching_policy"] = (p, v, k) => p with { MatchingPolicy = Choice(v, k, MatchingPolicies) },
        ["reward_curve"] = (p, v, k) => p with { RewardCurve = Choice(v, k, RewardCurves) },
        ["reward_cap_bps"] = (p, v, k) => p with { RewardCapBps = Int(v, k, 1, 10_000) },
        ["fair_share_band_bps"] = (p, v, k) => p with { FairShareBandBps = Int(v, k, 0, (int)MarketParams.MaxFairShareBandBps) },
        ["provider_emission"] = (p, v, k) => p with { ProviderEmission = Real(v, k, 0, 1_000_000) },
        ["emission_epoch_blocks"] = (p, v, k) => p with { EmissionEpochBlocks = Int(v, k, 1, 1_000_000) },
        ["spot_check_ppm"] = (p, v, k) => p with { SpotCheckPpm = Int(v, k, 0, 1_000_000) },
        ["voting_rule"] = (p, v, k) => p with { VotingRule = Choice(v, k, VotingRules) },
        ["voting_cap_bps"] = (p, v, k) => p with { VotingCapBps = Int(v, k, 1, 10_000) },
        ["proposal_every_blocks"] = (p, v, k) => p with { ProposalEveryBlocks = Int(v, k, 0, 10_000_000) },
        ["voter_lock_share"] = (p, v, k) => p with { VoterLockShare = Real(v, k, 0, 1) },
        ["vesting_cliff_blocks"] = (p, v, k) => p with { VestingCliffBlocks = Int(v, k, 0, 100_000_000) },
        ["vesting_duration_blocks"] = (p, v, k) => p with { VestingDurationBlocks = Int(v, k, 1, 100_000_000) },
        ["claim_every_blocks"] = (p, v, k) => p with { ClaimEveryBlocks = Int(v, k, 1, 10_000_000) },
        ["insider_sell_share"] = (p, v, k) => p with { InsiderSellShare = Real(v, k, 0, 1) },
        ["pool_fsh"] = (p, v, k) => p with { PoolFsh = Real(v, k, 1, 1e8) },
        ["pool_usdf"] = (p, v, k) => p with { PoolUsdf = Real(v, k, 1, 1e9) },
        ["stable_amplification"] = (p, v, k) => p with { StableAmplification = Int(v, k, 1, 10_000) },
        ["attack_every_blocks"] = (p, v, k) => p with { AttackEveryBlocks = Int(v, k, 1, 1_000_000) },
    };

    /// <summary>The parameter names the model knows, in the order of the documentation.</summary>
    public static IReadOnlyCollection<string> Names => Setters.Keys;

    /// <summary>
    /// Reads and checks a parameters object; throws <see cref="ScenarioException"/> with code <c>bad_parameter</c> for an
    /// unknown key, a value of the wrong type or out of range, or an inconsistent pair, saying what to write instead.
    /// </summary>
    public static EconomyParameters Parse(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var result = new EconomyParameters();
        foreach (var (key, value) in parameters)
        {
            if (!Setters.TryGetValue(key, out var set))
                throw Bad($"unknown economy parameter '{key}'; known: {string.Join(", ", Setters.Keys)}");
            if (value is null) throw Bad($"parameter '{key}' is null; give a value or leave it out");
            result = set(result, value, key);
        }

        if (result.ProviderCostMax < result.ProviderCostMin)
            throw Bad($"provider_cost_max ({result.ProviderCostMax}) is below provider_cost_min ({result.ProviderCostMin})");
        if (result.BusyUtilization < result.IdleUtilization)
            throw Bad($"busy_utilization ({result.BusyUtilization}) is below idle_utilization ({result.IdleUtilization})");
        if (result.VestingCliffBlocks > result.VestingDurationBlocks)
            throw Bad($"vesting_cliff_blocks ({result.VestingCliffBlocks}) is past vesting_duration_blocks ({result.VestingDurationBlocks})");
        return result;
    }

    private static int Int(JsonNode value, string key, int min, int max)
    {
        if (Number(value) is not { } number || number != Math.Floor(number))
            throw Bad($"parameter '{key}' must be a whole number from {min} to {max}");
        if (number < min || number > max) throw Bad($"parameter '{key}' is {number}; it must be from {min} to {max}");
        return (int)number;
    }

    private static double Real(JsonNode value, string key, double min, double max)
    {
        if (Number(value) is not { } number) throw Bad($"parameter '{key}' must be a number from {min} to {max}");
        if (number < min || number > max) throw Bad($"parameter '{key}' is {number}; it must be from {min} to {max}");
        return number;
    }

    /// <summary>A JSON number as a finite double (however the node was built: parsed text or a CLR value), or null.</summary>
    private static double? Number(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number
        && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
        && double.IsFinite(number)
            ? number
            : null;

    private static T Choice<T>(JsonNode value, string key, Dictionary<string, T> choices)
    {
        if (value.GetValueKind() != JsonValueKind.String || !choices.TryGetValue(value.GetValue<string>(), out var choice))
            throw Bad($"parameter '{key}' must be one of {string.Join(", ", choices.Keys.Select(c => $"\"{c}\""))}");
        return choice;
    }

    private static ScenarioException Bad(string message) => new("bad_parameter", message);
}
