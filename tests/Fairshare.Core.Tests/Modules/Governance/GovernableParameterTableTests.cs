using System.Numerics;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>
/// The closed table of what governance can change is part of the protocol: a proposal names a parameter by (module,
/// id), the CLI by name, and a value is accepted only within the range. The expected rows are typed from the dispatch
/// table of docs/modules/governance.md (and market.md for the job limits), in base units: 1 FSH = 10^18, a lending
/// mantissa 1 = 10^18, a StableSwap fee 1 = 10^10.
/// </summary>
public sealed class GovernableParameterTableTests
{
    private static readonly BigInteger Fsh = BigInteger.Pow(10, 18);
    private static readonly BigInteger Percent = BigInteger.Pow(10, 16);
    private const long Days30 = 30 * 86_400;

    /// <summary>(module, id, name, decimals, min, max) as documented.</summary>
    private static readonly (byte Module, byte Id, string Name, byte Decimals, BigInteger Min, BigInteger Max)[] Documented =
    [
        (0, 1, "ledger.min-fee", 18, 0, Fsh),
        (0, 2, "ledger.fee-validator-bps", 0, 0, 10_000),
        (1, 1, "amm.protocol-fee-on", 0, 0, 1),
        (1, 2, "amm.twap-period-seconds", 0, 1, 86_400),
        (2, 1, "lend.collateral-factor", 18, 0, 90 * Percent),
        (2, 2, "lend.reserve-factor", 18, 0, 100 * Percent),
        (2, 3, "lend.close-factor", 18, 5 * Percent, 90 * Percent),
        (2, 4, "lend.liquidation-incentive", 18, 100 * Percent, 150 * Percent),
        (2, 5, "lend.flash-loan-fee-bps", 0, 0, 10_000),
        (4, 1, "gov.voting-delay", 0, 1, 40_320),
        (4, 2, "gov.voting-period", 0, 1, 80_640),
        (4, 3, "gov.proposal-threshold", 18, 0, 100_000 * Fsh),
        (4, 4, "gov.quorum-votes", 18, 1, 1_000_000_000 * Fsh),
        (4, 5, "gov.timelock-delay-seconds", 0, 1, Days30),
        (4, 6, "gov.grace-period-seconds", 0, 60, Days30),
        (4, 7, "gov.voting-rule", 0, 0, 2),
        (4, 8, "gov.cap-bps", 0, 1, 10_000),
        (5, 1, "stake.min-self-bond", 18, Fsh, 1_000_000 * Fsh),
        (5, 2, "stake.unbonding-blocks", 0, 1, 1_000_000),
        (5, 3, "stake.slash-wrong-result-ppm", 0, 0, 1_000_000),
        (5, 4, "stake.slash-missed-deadline-ppm", 0, 0, 1_000_000),
        (5, 5, "stake.max-commission-bps", 0, 0, 10_000),
        (5, 6, "stake.max-commission-change-bps", 0, 1, 10_000),
        (6, 1, "market.matching-policy", 0, 0, 2),
        (6, 2, "market.spot-check-ppm", 0, 0, 1_000_000),
        (6, 3, "market.probation-check-ppm", 0, 0, 1_000_000),
        (6, 4, "market.probation-jobs", 0, 0, 1_000_000),
        (6, 5, "market.heartbeat-timeout-blocks", 0, 1, 1_000_000),
        (6, 6, "market.max-matches-per-block", 0, 1, 1_000),
        (6, 7, "market.expected-window-blocks", 0, 0, 100_000),
        (6, 8, "market.dispute-arbiters", 0, 1, 5),
        (6, 9, "market.jail-blocks", 0, 0, 10_000_000),
        (6, 10, "market.protocol-fee-bps", 0, 0, 10_000),
        (6, 11, "market.fee-burn-bps", 0, 0, 10_000),
        (6, 12, "market.max-reassignments", 0, 0, 6),
        (6, 13, "market.provider-emission", 18, 0, 1_000_000 * Fsh),
        (6, 14, "market.emission-epoch-blocks", 0, 1, 1_000_000),
        (6, 15, "market.reward-curve", 0, 0, 2),
        (6, 16, "market.reward-cap-bps", 0, 1, 10_000),
        (6, 17, "market.fair-share-band-bps", 0, 0, 100_000),
        (6, 18, "market.max-model-bytes", 0, 1 << 20, BigInteger.One << 32),
        (6, 19, "market.max-input-bytes", 0, 1 << 20, BigInteger.One << 32),
        (6, 20, "market.run-time-factor", 0, 2, 1_000),
        (7, 1, "stable.amplification", 0, 1, 1_000_000),
        (7, 2, "stable.fee", 10, 0, 5_000_000_000),
        (7, 3, "stable.admin-fee", 10, 0, 10_000_000_000),
    ];

    [Fact]
    public void TheTable_IsTheDocumentedOne_RowForRow()
    {
        var actual = GovernableParameters.All.Select(p => (p.Module, p.Id, p.Name, p.Decimals, p.Min.ToBigInteger(), p.Max.ToBigInteger()))
            .OrderBy(p => p.Module).ThenBy(p => p.Id).ToArray();

        Assert.Equal(Documented, actual);
    }

    [Fact]
    public void EveryParameter_IsFoundByItsIdsAndItsName_AndAcceptsExactlyItsRange()
    {
        foreach (var (module, id, name, _, min, max) in Documented)
        {
            Assert.Equal(name, GovernableParameters.Find(module, id)?.Name);
            Assert.Equal(name, GovernableParameters.FindByName(name.ToUpperInvariant())?.Name);
            Assert.Equal(ResultCode.Ok, GovernableParameters.Validate(new GovAction(module, id, Amount(min))));
            Assert.Equal(ResultCode.Ok, GovernableParameters.Validate(new GovAction(module, id, Amount(max))));
            Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(module, id, Amount(max + 1))));
            if (min > 0) Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(new GovAction(module, id, Amount(min - 1))));
        }

        Assert.Null(GovernableParameters.FindByName("ledger.no-such-parameter"));
        Assert.Equal(ResultCode.UnknownGovParameter, GovernableParameters.Validate(new GovAction(6, 21, Amount(1))));
    }

    [Fact]
    public void WritingTheBoundsOfEveryParameter_ReadsThemBack()
    {
        foreach (var (module, id, name, _, min, max) in Documented)
        {
            var state = TestChain.Create().State;
            var parameter = GovernableParameters.Find(module, id)!;

            Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(state, new GovAction(module, id, Amount(max))));
            Assert.True(parameter.Read(state).ToBigInteger() == max, $"{name} read {parameter.Read(state)} after writing its maximum {max}");
            Assert.Equal(ResultCode.Ok, GovernableParameters.Apply(state, new GovAction(module, id, Amount(min))));
            Assert.True(parameter.Read(state).ToBigInteger() == min, $"{name} read {parameter.Read(state)} after writing its minimum {min}");
        }
    }

    [Fact]
    public void EveryParameter_IsInTheGovernanceDocsDispatchTable()
    {
        string docs = File.ReadAllText(Path.Combine(RealModels.RepositoryRoot, "docs", "modules", "governance.md"));

        Assert.All(Documented, row => Assert.Contains($"`{row.Name}`", docs, StringComparison.Ordinal));
    }

    private static Amount Amount(BigInteger value) => Core.Primitives.Amount.TryFromBigInteger(value, out var amount) ? amount : throw new OverflowException();
}
