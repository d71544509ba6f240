using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger;

/// <summary>
/// The one read model of providers' income, used wherever "the Gini of provider income" is printed (the node's
/// <c>/v1/analytics</c> and the dashboard, <c>fairshare report</c>, <c>fairshare demo</c>), so the three cannot measure
/// different populations:
/// <list type="bullet">
/// <item>the population is every provider the caller names (the market's registered providers), zero earners included;</item>
/// <item>income is the FSH a provider received in flows tagged <see cref="FlowTag.JobPayment"/>: pay for work, its
/// delegators' share excluded (that is paid to the stake pool, not to the provider).</item>
/// </list>
/// Sums are exact base units. Feed flows in any order with <see cref="Add"/>; flows of other tags, assets or accounts are ignored.
/// </summary>
public sealed class ProviderIncome
{
    /// <summary>The population and income rule in words, printed beside every figure measured on it.</summary>
    public const string Population =
        "every provider registered in the compute market (zero earners included); income = FSH received in JobPayment flows (delegators' share excluded)";

    private readonly Dictionary<Address, BigInteger> _income;

    /// <summary>A model over <paramref name="providers"/>, each at zero; duplicates count once, order is address order.</summary>
    public ProviderIncome(IEnumerable<Address> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        Providers = [.. providers.Distinct().Order()];
        _income = Providers.ToDictionary(p => p, _ => BigInteger.Zero);
    }

    /// <summary>The population, in address order.</summary>
    public IReadOnlyList<Address> Providers { get; }

    /// <summary>Each provider's income, in the order of <see cref="Providers"/>.</summary>
    public IReadOnlyList<BigInteger> Values => [.. Providers.Select(p => _income[p])];

    /// <summary>The income of the whole population.</summary>
    public BigInteger Total => _income.Values.Aggregate(BigInteger.Zero, (sum, v) => sum + v);

    /// <summary>Whether <paramref name="flow"/> is provider income when it reaches a provider (an FSH job payment).</summary>
    public static bool Counts(in LedgerEvent flow) => flow.Tag == FlowTag.JobPayment && flow.Asset == AssetId.Fsh;

    /// <summary>Adds <paramref name="flow"/> to its receiver's income when it counts and the receiver is in the population.</summary>
    public void Add(in LedgerEvent flow)
    {
        if (Counts(flow) && _income.TryGetValue(flow.To, out var sum)) _income[flow.To] = sum + flow.Amount.ToBigInteger();
    }

    /// <summary>Adds every flow of <paramref name="flows"/>.</summary>
    public ProviderIncome AddRange(IEnumerable<LedgerEvent> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        foreach (var flow in flows) Add(flow);
        return this;
    }

    /// <summary>The income of <paramref name="provider"/> (zero outside the population).</summary>
    public BigInteger Of(Address provider) => _income.GetValueOrDefault(provider);
}
