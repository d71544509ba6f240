using System.Collections.Immutable;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// The dispatch table of what governance can change: one <see cref="GovernableParameter"/> per (module, parameter), with its
/// range and unit. A module makes a parameter governable by adding an entry here (ids are stable: never renumber). Values
/// are checked when proposed and again when executed. The unit (<see cref="ParameterUnit"/>) is how the CLI, the API and
/// docs/modules/governance.md show a value: nothing guesses it from the name.
/// </summary>
public static class GovernableParameters
{
    /// <summary>The module byte naming the ledger itself (<see cref="ChainParams"/>); no module record uses it.</summary>
    public const byte LedgerModule = 0;

    private static readonly Amount OneDay = new(86_400);
    private static readonly Amount ThirtyDays = new(30 * 86_400);

    /// <summary>Every governable parameter, grouped by module (the order <c>gov params</c> lists them in).</summary>
    public static ImmutableArray<GovernableParameter> All { get; } =
    [
        new(LedgerModule, 1, "ledger.min-fee", Amount.Zero, Units.OneFsh, 18, ParameterUnit.Tokens,
            s => s.Params.MinFee, (s, v) => s.SetParams(s.Params with { MinFee = v })),
        new(LedgerModule, 2, "ledger.fee-validator-bps", Amount.Zero, new Amount(Units.BpsDenominator), 0, ParameterUnit.BasisPoints,
            s => new Amount(s.Params.FeeValidatorBps), (s, v) => s.SetParams(s.Params with { FeeValidatorBps = (ushort)ToU64(v) })),
        new(ModuleIds.Amm, 1, "amm.protocol-fee-on", Amount.Zero, Amount.One, 0, ParameterUnit.Flag,
            s => AmmPools.Params(s).ProtocolFeeOn ? Amount.One : Amount.Zero,
            (s, v) => AmmPools.SetParams(s, AmmPools.Params(s) with { ProtocolFeeOn = !v.IsZero })),
        new(ModuleIds.Amm, 2, "amm.twap-period-seconds", Amount.One, OneDay, 0, ParameterUnit.Seconds,
            s => new Amount(AmmPools.Params(s).TwapPeriodSeconds),
            (s, v) => AmmPools.SetParams(s, AmmPools.Params(s) with { TwapPeriodSeconds = (uint)ToU64(v) })),
        Gov(1, "gov.voting-delay", Amount.One, new Amount(40_320), 0, ParameterUnit.Blocks, p => new Amount(p.VotingDelay), (p, v) => p with { VotingDelay = ToU64(v) }),
        Gov(2, "gov.voting-period", Amount.One, new Amount(80_640), 0, ParameterUnit.Blocks, p => new Amount(p.VotingPeriod), (p, v) => p with { VotingPeriod = ToU64(v) }),
        Gov(3, "gov.proposal-threshold", Amount.Zero, new Amount(100_000) * Units.OneFsh, 18, ParameterUnit.Tokens,
            p => p.ProposalThreshold, (p, v) => p with { ProposalThreshold = v }),
        Gov(4, "gov.quorum-votes", Amount.One, new Amount(1_000_000_000) * Units.OneFsh, 18, ParameterUnit.Tokens,
            p => p.QuorumVotes, (p, v) => p with { QuorumVotes = v }),
        Gov(5, "gov.timelock-delay-seconds", Amount.One, ThirtyDays, 0, ParameterUnit.Seconds,
            p => new Amount(p.TimelockDelaySeconds), (p, v) => p with { TimelockDelaySeconds = ToU64(v) }),
        Gov(6, "gov.grace-period-seconds", new Amount(60), ThirtyDays, 0, ParameterUnit.Seconds,
            p => new Amount(p.GracePeriodSeconds), (p, v) => p with { GracePeriodSeconds = ToU64(v) }),
        Gov(7, "gov.voting-rule", Amount.Zero, new Amount((ulong)VotingRule.Capped), 0, ParameterUnit.Choice,
            p => new Amount((ulong)p.VotingRule), (p, v) => p with { VotingRule = (VotingRule)ToU64(v) }) with { Choices = EnumText.Names<VotingRule>() },
        Gov(8, "gov.cap-bps", Amount.One, new Amount(Units.BpsDenominator), 0, ParameterUnit.BasisPoints,
            p => new Amount(p.CapBps), (p, v) => p with { CapBps = (ushort)ToU64(v) }),
        Lend(1, "lend.collateral-factor", Amount.Zero, Percent(90), p => p.CollateralFactor, (p, v) => p with { CollateralFactor = v }),
        Lend(2, "lend.reserve-factor", Amount.Zero, Percent(100), p => p.ReserveFactor, (p, v) => p with { ReserveFactor = v }),
        Lend(3, "lend.close-factor", Percent(5), Percent(90), p => p.CloseFactor, (p, v) => p with { CloseFactor = v }),
        Lend(4, "lend.liquidation-incentive", Percent(100), Percent(150), p => p.LiquidationIncentive, (p, v) => p with { LiquidationIncentive = v }),
        new(ModuleIds.Lending, 5, "lend.flash-loan-fee-bps", Amount.Zero, new Amount(Units.BpsDenominator), 0, ParameterUnit.BasisPoints,
            s => new Amount(LendingMarkets.Params(s).FlashLoanFeeBps),
            (s, v) => SetLending(s, LendingMarkets.Params(s) with { FlashLoanFeeBps = (uint)ToU64(v) })),
        // Staking: slash fractions apply to the next slash; a lower commission cap also caps pools' commissions at once.
        Stake(1, "stake.min-self-bond", Units.OneFsh, new Amount(1_000_000) * Units.OneFsh, 18, ParameterUnit.Tokens,
            p => p.MinSelfBond, (p, v) => p with { MinSelfBond = v }),
        Stake(2, "stake.unbonding-blocks", Amount.One, new Amount(1_000_000), 0, ParameterUnit.Blocks,
            p => new Amount(p.UnbondingBlocks), (p, v) => p with { UnbondingBlocks = ToU64(v) }),
        Stake(3, "stake.slash-wrong-result-ppm", Amount.Zero, new Amount(Units.PpmDenominator), 0, ParameterUnit.PartsPerMillion,
            p => new Amount(p.SlashWrongResultPpm), (p, v) => p with { SlashWrongResultPpm = (uint)ToU64(v) }),
        Stake(4, "stake.slash-missed-deadline-ppm", Amount.Zero, new Amount(Units.PpmDenominator), 0, ParameterUnit.PartsPerMillion,
            p => new Amount(p.SlashMissedDeadlinePpm), (p, v) => p with { SlashMissedDeadlinePpm = (uint)ToU64(v) }),
        Stake(5, "stake.max-commission-bps", Amount.Zero, new Amount(Units.BpsDenominator), 0, ParameterUnit.BasisPoints,
            p => new Amount(p.MaxCommissionBps), (p, v) => p with { MaxCommissionBps = (ushort)ToU64(v) }),
        Stake(6, "stake.max-commission-change-bps", Amount.One, new Amount(Units.BpsDenominator), 0, ParameterUnit.BasisPoints,
            p => new Amount(p.MaxCommissionChangeBps), (p, v) => p with { MaxCommissionChangeBps = (ushort)ToU64(v) }),
        // Market: every row holds from the next block's end-of-block pass (slots already assigned keep their prices).
        Market(1, "market.matching-policy", ParameterUnit.Choice, Amount.Zero, new Amount((ulong)MatchingPolicy.Weighted),
            p => new Amount((ulong)p.MatchingPolicy), (p, v) => p with { MatchingPolicy = (MatchingPolicy)ToU64(v) }) with { Choices = EnumText.Names<MatchingPolicy>() },
        Market(2, "market.spot-check-ppm", ParameterUnit.PartsPerMillion, Amount.Zero, new Amount(Units.PpmDenominator),
            p => new Amount(p.SpotCheckPpm), (p, v) => p with { SpotCheckPpm = (uint)ToU64(v) }),
        Market(3, "market.probation-check-ppm", ParameterUnit.PartsPerMillion, Amount.Zero, new Amount(Units.PpmDenominator),
            p => new Amount(p.ProbationCheckPpm), (p, v) => p with { ProbationCheckPpm = (uint)ToU64(v) }),
        Market(4, "market.probation-jobs", ParameterUnit.Count, Amount.Zero, new Amount(1_000_000),
            p => new Amount(p.ProbationJobs), (p, v) => p with { ProbationJobs = (uint)ToU64(v) }),
        Market(5, "market.heartbeat-timeout-blocks", ParameterUnit.Blocks, Amount.One, new Amount(1_000_000),
            p => new Amount(p.HeartbeatTimeoutBlocks), (p, v) => p with { HeartbeatTimeoutBlocks = (uint)ToU64(v) }),
        Market(6, "market.max-matches-per-block", ParameterUnit.Count, Amount.One, new Amount(1_000),
            p => new Amount(p.MaxMatchesPerBlock), (p, v) => p with { MaxMatchesPerBlock = (uint)ToU64(v) }),
        Market(7, "market.expected-window-blocks", ParameterUnit.Blocks, Amount.Zero, new Amount(100_000),
            p => new Amount(p.ExpectedWindowBlocks), (p, v) => p with { ExpectedWindowBlocks = (uint)ToU64(v) }),
        Market(8, "market.dispute-arbiters", ParameterUnit.Count, Amount.One, new Amount(MarketParams.MaxArbiters),
            p => new Amount(p.DisputeArbiters), (p, v) => p with { DisputeArbiters = (byte)ToU64(v) }),
        Market(9, "market.jail-blocks", ParameterUnit.Blocks, Amount.Zero, new Amount(10_000_000),
            p => new Amount(p.JailBlocks), (p, v) => p with { JailBlocks = (uint)ToU64(v) }),
        Market(10, "market.protocol-fee-bps", ParameterUnit.BasisPoints, Amount.Zero, new Amount(Units.BpsDenominator),
            p => new Amount(p.ProtocolFeeBps), (p, v) => p with { ProtocolFeeBps = (ushort)ToU64(v) }),
        Market(11, "market.fee-burn-bps", ParameterUnit.BasisPoints, Amount.Zero, new Amount(Units.BpsDenominator),
            p => new Amount(p.FeeBurnBps), (p, v) => p with { FeeBurnBps = (ushort)ToU64(v) }),
        Market(12, "market.max-reassignments", ParameterUnit.Count, Amount.Zero, new Amount(MarketParams.MaxReassignmentsLimit),
            p => new Amount(p.MaxReassignments), (p, v) => p with { MaxReassignments = (byte)ToU64(v) }),
        // Provider emission (design §4): accrued per block, paid by verified work at each epoch's end under the curve.
        new(ModuleIds.Market, 13, "market.provider-emission", Amount.Zero, new Amount(1_000_000) * Units.OneFsh, 18, ParameterUnit.Tokens,
            s => MarketStore.Params(s).ProviderEmission, (s, v) => MarketStore.SetParams(s, MarketStore.Params(s) with { ProviderEmission = v })),
        Market(14, "market.emission-epoch-blocks", ParameterUnit.Blocks, Amount.One, new Amount(1_000_000),
            p => new Amount(p.EmissionEpochBlocks), (p, v) => p with { EmissionEpochBlocks = (uint)ToU64(v) }),
        Market(15, "market.reward-curve", ParameterUnit.Choice, Amount.Zero, new Amount((ulong)RewardCurve.Capped),
            p => new Amount((ulong)p.RewardCurve), (p, v) => p with { RewardCurve = (RewardCurve)ToU64(v) }) with { Choices = EnumText.Names<RewardCurve>() },
        Market(16, "market.reward-cap-bps", ParameterUnit.BasisPoints, Amount.One, new Amount(Units.BpsDenominator),
            p => new Amount(p.RewardCapBps), (p, v) => p with { RewardCapBps = (ushort)ToU64(v) }),
        // Fair-share price band: providers within it of the cheapest eligible price share the work by capacity.
        Market(17, "market.fair-share-band-bps", ParameterUnit.BasisPoints, Amount.Zero, new Amount(MarketParams.MaxFairShareBandBps),
            p => new Amount(p.FairShareBandBps), (p, v) => p with { FairShareBandBps = (uint)ToU64(v) }),
        // Job limits: what a stranger's job may ask of a provider (checked by clients, nodes and providers, not in Apply).
        Market(18, "market.max-model-bytes", ParameterUnit.Bytes, new Amount(1UL << 20), new Amount(MarketParams.MaxBlobLimit),
            p => new Amount(p.MaxModelBytes), (p, v) => p with { MaxModelBytes = ToU64(v) }),
        Market(19, "market.max-input-bytes", ParameterUnit.Bytes, new Amount(1UL << 20), new Amount(MarketParams.MaxBlobLimit),
            p => new Amount(p.MaxInputBytes), (p, v) => p with { MaxInputBytes = ToU64(v) }),
        Market(20, "market.run-time-factor", ParameterUnit.Count, new Amount(2), new Amount(MarketParams.MaxRunTimeFactor),
            p => new Amount(p.RunTimeFactor), (p, v) => p with { RunTimeFactor = (uint)ToU64(v) }),
        // StableSwap: what new pools start with (a pool keeps the A and fees it was created with, as a Curve pool does).
        new(ModuleIds.StableSwap, 1, "stable.amplification", Amount.One, new Amount(StableParams.MaxA), 0, ParameterUnit.Count,
            s => new Amount(StablePools.Params(s).A), (s, v) => StablePools.SetParams(s, StablePools.Params(s) with { A = (uint)ToU64(v) })),
        new(ModuleIds.StableSwap, 2, "stable.fee", Amount.Zero, new Amount(5_000_000_000), 10, ParameterUnit.Fraction,
            s => new Amount(StablePools.Params(s).Fee), (s, v) => StablePools.SetParams(s, StablePools.Params(s) with { Fee = ToU64(v) })),
        new(ModuleIds.StableSwap, 3, "stable.admin-fee", Amount.Zero, new Amount(10_000_000_000), 10, ParameterUnit.Fraction,
            s => new Amount(StablePools.Params(s).AdminFee), (s, v) => StablePools.SetParams(s, StablePools.Params(s) with { AdminFee = ToU64(v) })),
    ];

    private static readonly Dictionary<(byte Module, byte Id), GovernableParameter> ByKey = All.ToDictionary(p => (p.Module, p.Id));

    /// <summary>The entry of (module, parameter), or null.</summary>
    public static GovernableParameter? Find(byte module, byte parameter) => ByKey.GetValueOrDefault((module, parameter));

    /// <summary>The entry with this CLI name (case-insensitive), or null.</summary>
    public static GovernableParameter? FindByName(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the action names a governable parameter (else <see cref="ResultCode.UnknownGovParameter"/>) with a
    /// value in range (else <see cref="ResultCode.ParameterOutOfRange"/>).</summary>
    public static ResultCode Validate(GovAction action)
    {
        var parameter = Find(action.Module, action.Parameter);
        if (parameter is null) return ResultCode.UnknownGovParameter;
        return parameter.Accepts(action.Value) ? ResultCode.Ok : ResultCode.ParameterOutOfRange;
    }

    /// <summary>Checks the action again and applies it (journaled).</summary>
    public static ResultCode Apply(LedgerState state, GovAction action)
    {
        var code = Validate(action);
        if (code == ResultCode.Ok) Find(action.Module, action.Parameter)!.Write(state, action.Value);
        return code;
    }

    private static GovernableParameter Gov(byte id, string name, Amount min, Amount max, byte decimals, ParameterUnit unit, Func<GovParams, Amount> read,
        Func<GovParams, Amount, GovParams> with) =>
        new(ModuleIds.Governance, id, name, min, max, decimals, unit,
            s => read(GovStore.Params(s)), (s, v) => GovStore.SetParams(s, with(GovStore.Params(s), v)));

    private static GovernableParameter Stake(byte id, string name, Amount min, Amount max, byte decimals, ParameterUnit unit, Func<StakingParams, Amount> read,
        Func<StakingParams, Amount, StakingParams> with) =>
        new(ModuleIds.Staking, id, name, min, max, decimals, unit,
            s => read(StakingStore.Params(s)), (s, v) => StakingStore.SetParams(s, with(StakingStore.Params(s), v)));

    private static GovernableParameter Market(byte id, string name, ParameterUnit unit, Amount min, Amount max, Func<MarketParams, Amount> read,
        Func<MarketParams, Amount, MarketParams> with) =>
        new(ModuleIds.Market, id, name, min, max, 0, unit,
            s => read(MarketStore.Params(s)), (s, v) => MarketStore.SetParams(s, with(MarketStore.Params(s), v)));

    /// <summary>A lending mantissa (1e18 = 100%) whose range mirrors <see cref="LendingParams.IsValid"/>. The factors
    /// are the defaults new markets start with; close factor, incentive and fee hold for every market.</summary>
    private static GovernableParameter Lend(byte id, string name, Amount min, Amount max, Func<LendingParams, System.Numerics.BigInteger> read,
        Func<LendingParams, System.Numerics.BigInteger, LendingParams> with) =>
        new(ModuleIds.Lending, id, name, min, max, 18, ParameterUnit.Fraction,
            s => LendingMarkets.ToAmount(read(LendingMarkets.Params(s))),
            (s, v) => SetLending(s, with(LendingMarkets.Params(s), v.ToBigInteger())));

    private static void SetLending(LedgerState state, LendingParams parameters)
    {
        // The table's ranges keep every combination valid; a refusal here is a bug in those ranges.
        if (LendingMarkets.SetParams(state, parameters) != ResultCode.Ok)
            throw new InvalidOperationException("a range-checked lending parameter was refused");
    }

    private static Amount Percent(ulong percent) => new Amount(percent) * new Amount(10_000_000_000_000_000);

    /// <summary>A value the table's range already bounds well below 2^64.</summary>
    private static ulong ToU64(in Amount value) =>
        value.TryToUInt64(out var result) ? result : throw new InvalidOperationException("a range-checked parameter exceeds 64 bits");
}
