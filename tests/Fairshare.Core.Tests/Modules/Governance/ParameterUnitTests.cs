using System.Numerics;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>
/// Every governable parameter carries its unit in the table, and is shown in it: FSH amounts with the symbol, fractions,
/// basis points and ppm as percentages, counts grouped, flags on/off, enumerations by name. The expected texts are
/// written from docs/modules/governance.md (the unit column and "Units: how a value is shown"), not from the code.
/// </summary>
public sealed class ParameterUnitTests
{
    private static readonly BigInteger Fsh = BigInteger.Pow(10, 18);

    public static TheoryData<string, string, string> Shown => new()
    {
        { "ledger.min-fee", "100000000000000", "0.0001 FSH" },
        { "gov.quorum-votes", (1_000_000_000 * Fsh).ToString(System.Globalization.CultureInfo.InvariantCulture), "1,000,000,000 FSH" },
        { "lend.collateral-factor", "500000000000000000", "50 %" },
        { "lend.liquidation-incentive", "1080000000000000000", "108 %" },
        { "stable.admin-fee", "5000000000", "50 %" },
        { "stable.fee", "4000000", "0.04 %" },
        { "gov.cap-bps", "2500", "25 %" },
        { "lend.flash-loan-fee-bps", "9", "0.09 %" },
        { "market.spot-check-ppm", "100000", "10 %" },
        { "gov.voting-delay", "40320", "40,320" },
        { "market.max-model-bytes", "67108864", "67,108,864" },
        { "amm.twap-period-seconds", "86400", "86,400" },
        { "amm.protocol-fee-on", "1", "on" },
        { "amm.protocol-fee-on", "0", "off" },
        { "gov.voting-rule", "0", "token-weighted" },
        { "gov.voting-rule", "1", "quadratic" },
        { "market.matching-policy", "0", "lowest-price" },
        { "market.matching-policy", "1", "fair-share" },
        { "market.matching-policy", "2", "weighted" },
        { "market.reward-curve", "1", "concave" },
    };

    [Theory]
    [MemberData(nameof(Shown))]
    public void AValue_IsShownInItsParametersUnit(string name, string baseUnits, string expected)
    {
        var parameter = GovernableParameters.FindByName(name)!;
        Assert.Equal(expected, parameter.Format(Amount.Parse(baseUnits)));
    }

    [Fact]
    public void ARatio_IsNeverShownWithACurrency_AndAChoiceNeverAsANumber()
    {
        var state = TestChain.Create().State;
        foreach (var p in GovernableParameters.All)
        {
            string text = p.Format(p.Read(state));
            if (p.Unit is ParameterUnit.Fraction or ParameterUnit.BasisPoints or ParameterUnit.PartsPerMillion)
                Assert.True(text.EndsWith(" %", StringComparison.Ordinal) && !text.Contains("FSH", StringComparison.Ordinal), $"{p.Name}: {text}");
            if (p.Unit == ParameterUnit.Choice) Assert.Contains(text, p.Choices);
            if (p.Unit == ParameterUnit.Tokens) Assert.EndsWith(" FSH", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryParameter_HasTheUnitOfTheGovernanceDocs()
    {
        var documented = DocumentedUnits();
        Assert.All(GovernableParameters.All, p =>
        {
            Assert.True(documented.TryGetValue(p.Name, out var unit), $"{p.Name} has no unit in docs/modules/governance.md");
            Assert.Equal(unit, p.UnitName);
        });
    }

    [Fact]
    public void WhatIsShown_ReadsBackAsTheSameValue_ForEveryBound()
    {
        foreach (var p in GovernableParameters.All)
        {
            foreach (var value in new[] { p.Min, p.Max })
                Assert.True(p.Parse(p.Format(value)) == value, $"{p.Name}: '{p.Format(value)}' did not read back as {value}");
        }
    }

    [Theory]
    [InlineData("lend.collateral-factor", "60%", "600000000000000000")]
    [InlineData("lend.collateral-factor", "0.6", "600000000000000000")]
    [InlineData("market.matching-policy", "weighted", "2")]
    [InlineData("market.matching-policy", "2", "2")]
    [InlineData("gov.voting-rule", "Quadratic", "1")]
    [InlineData("gov.cap-bps", "12.5 %", "1250")]
    [InlineData("gov.proposal-threshold", "1,000 FSH", "1000000000000000000000")]
    [InlineData("amm.protocol-fee-on", "on", "1")]
    public void APlainDecimal_OrTheShownText_IsAccepted(string name, string text, string expected) =>
        Assert.Equal(Amount.Parse(expected), GovernableParameters.FindByName(name)!.Parse(text));

    [Theory]
    [InlineData("market.matching-policy", "fastest")]
    [InlineData("gov.cap-bps", "0.001 %")]
    [InlineData("lend.collateral-factor", "half")]
    public void AnythingElse_IsRefused(string name, string text) => Assert.Null(GovernableParameters.FindByName(name)!.Parse(text));

    /// <summary>name → unit from the two parameter tables of docs/modules/governance.md (the unit column follows the name).</summary>
    private static Dictionary<string, string> DocumentedUnits()
    {
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(RealModels.RepositoryRoot, "docs", "modules", "governance.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            for (int i = 1; i < cells.Length - 2; i++)
            {
                if (!cells[i].StartsWith('`')) continue;
                string name = cells[i][1..cells[i].IndexOf('`', 1)];
                if (name.Contains('.', StringComparison.Ordinal) && !name.Contains(' ', StringComparison.Ordinal)) units.TryAdd(name, cells[i + 1]);
                break;
            }
        }

        return units;
    }
}
