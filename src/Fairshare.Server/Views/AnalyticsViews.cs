using System.Globalization;
using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Reports;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Node.Indexing;
using IncomeModel = Fairshare.Core.Ledger.ProviderIncome;

namespace Fairshare.Server.Views;

/// <summary>
/// The analytics routes' populations and numbers, all in this one class so the computation can later move to
/// Fairshare.Analytics' attribution library. Every metric comes from Fairshare.Analytics (exact, rounded once to
/// double); this class only chooses who the holders are and what they hold:
/// <list type="bullet">
/// <item><c>balances</c>: every account with a positive balance of the asset (module accounts such as pools, escrow
/// and the treasury included; empty accounts left out).</item>
/// <item><c>provider-income</c>: every provider that ever registered in the compute market, zero earners included;
/// each one's income is the FSH it received in flows tagged <c>JobPayment</c> (from the chain index), so the
/// delegators' share, which goes to the stake pool's reward account, is not counted.</item>
/// <item><c>stake</c>: every provider's stake pool, its bonded tokens (self-bond plus delegations, after slashing),
/// empty pools included.</item>
/// </list>
/// </summary>
internal static class AnalyticsViews
{
    /// <summary>The quantities the routes measure.</summary>
    public const string Balances = "balances";

    /// <summary>Providers' cumulative JobPayment income.</summary>
    public const string ProviderIncome = "provider-income";

    /// <summary>Providers' bonded stake.</summary>
    public const string Stake = "stake";

    /// <summary>The most Lorenz vertices an answer carries.</summary>
    public const int MaxLorenzPoints = 200;

    /// <summary>Heights in a Gini series when the query names none.</summary>
    public const int DefaultSeriesPoints = 24;

    /// <summary>The most heights a Gini series may ask for.</summary>
    public const int MaxSeriesPoints = 200;

    /// <summary>The quantities <c>/v1/analytics/concentration</c> knows.</summary>
    public static IReadOnlyList<string> Quantities { get; } = [Balances, ProviderIncome, Stake];

    /// <summary>The quantities <c>/v1/analytics/gini-series</c> knows.</summary>
    public static IReadOnlyList<string> SeriesQuantities { get; } = [ProviderIncome];

    /// <summary>Every account's positive balance of <paramref name="asset"/>.</summary>
    public static ConcentrationDto BalancesOf(LedgerState state, AssetInfo asset)
    {
        var values = state.AccountsInOrder().Select(a => a.BalanceOf(asset.Id).ToBigInteger()).Where(v => v.Sign > 0).ToList();
        return Measure(Balances, asset.Symbol, $"every account holding {asset.Symbol} (module accounts included, empty accounts excluded)", state.Head.Height, values);
    }

    /// <summary>Every stake pool's bonded tokens.</summary>
    public static ConcentrationDto StakeOf(LedgerState state)
    {
        var values = StakingStore.Pools(state).Select(p => p.Tokens.ToBigInteger()).ToList();
        return Measure(Stake, "FSH", "every provider's stake pool: bonded FSH, self-bond plus delegations (empty pools included)", state.Head.Height, values);
    }

    /// <summary>The market's providers, in address order.</summary>
    public static IReadOnlyList<Address> Providers(LedgerState state) => [.. MarketStore.Providers(state).Select(p => p.Provider).Order()];

    /// <summary>The JobPayment flows of FSH up to <paramref name="height"/>, from the index.</summary>
    public static IReadOnlyList<IndexedFlow> Payments(IChainIndex index, ulong height) =>
        index.Flows(new FlowQuery(0, height, null, FlowTag.JobPayment, AssetId.Fsh, int.MaxValue));

    /// <summary>Each provider's income from <paramref name="payments"/> (the flows it received; <see cref="IncomeModel"/>).</summary>
    public static ConcentrationDto IncomeOf(IReadOnlyList<Address> providers, IReadOnlyList<IndexedFlow> payments, ulong height)
    {
        var income = new IncomeModel(providers);
        Accumulate(income, payments, 0, height);
        return Measure(ProviderIncome, "FSH", IncomeModel.Population, height, income.Values);
    }

    /// <summary>
    /// The Gini and Nakamoto coefficients of the providers' cumulative income at each of <paramref name="heights"/>
    /// (ascending, with their block times).
    /// </summary>
    public static GiniSeriesDto IncomeSeries(IReadOnlyList<Address> providers, IReadOnlyList<IndexedFlow> payments, IReadOnlyList<(ulong Height, ulong TimestampMs)> heights)
    {
        var points = new List<GiniPointDto>(heights.Count);
        var income = new IncomeModel(providers);
        int next = 0;
        foreach (var (height, timestamp) in heights)
        {
            next = Accumulate(income, payments, next, height);
            var result = Holdings.Create(income.Values);
            string total = Text(income.Total);
            points.Add(result.IsOk
                ? new GiniPointDto(height, timestamp, total, Gini.Exact(result.Value!).ToDouble(),
                    Nakamoto.Coefficient(result.Value!, Fraction.Half), Nakamoto.Coefficient(result.Value!, Fraction.Third))
                : new GiniPointDto(height, timestamp, total, null, null, null));
        }

        return new GiniSeriesDto(ProviderIncome, "FSH", IncomeModel.Population, points);
    }

    /// <summary>
    /// <paramref name="count"/> heights evenly spaced over 1 … <paramref name="head"/>, the head last (fewer when the
    /// chain is shorter); none at height 0.
    /// </summary>
    public static IReadOnlyList<ulong> SeriesHeights(ulong head, int count)
    {
        var heights = new SortedSet<ulong>();
        for (int i = 1; i <= count; i++)
        {
            var h = (ulong)((BigInteger)head * i / count);
            if (h > 0) heights.Add(h);
        }

        return [.. heights];
    }

    /// <summary>The metrics and Lorenz curve of <paramref name="values"/>; undefined (nulls) for no holders or a zero total.</summary>
    public static ConcentrationDto Measure(string of, string asset, string population, ulong height, IReadOnlyList<BigInteger> values)
    {
        var total = values.Aggregate(BigInteger.Zero, (sum, v) => sum + v);
        var result = Holdings.Create(values);
        if (!result.IsOk)
            return new ConcentrationDto(of, asset, population, height, values.Count, Text(total), result.Message,
                null, null, null, null, null, null, null, null, null, null, null, null, []);
        var holdings = result.Value!;
        var r = Concentration.Measure(holdings);
        return new ConcentrationDto(of, asset, population, height, r.N, Text(r.Total), null,
            r.Gini, r.GiniSample, r.Hhi, r.HhiNormalized, r.Theil, r.TheilNormalized, r.Top1Share, r.Top3Share, r.Top10PercentShare,
            r.Nakamoto50, r.Nakamoto33, r.Palma, LorenzPoints(holdings));
    }

    /// <summary>The curve's vertices, every one when there are at most <see cref="MaxLorenzPoints"/>, otherwise that many evenly spaced in k.</summary>
    private static List<LorenzPointDto> LorenzPoints(Holdings holdings)
    {
        var sample = LorenzSample.Of("", holdings, MaxLorenzPoints - 1);
        return [.. sample.X.Zip(sample.Y, (x, y) => new LorenzPointDto(x, y))];
    }

    /// <summary>Adds the payments from index <paramref name="from"/> up to <paramref name="height"/> (they are in height order); returns the next index.</summary>
    private static int Accumulate(IncomeModel income, IReadOnlyList<IndexedFlow> payments, int from, ulong height)
    {
        int i = from;
        for (; i < payments.Count && payments[i].Height <= height; i++) income.Add(payments[i].Event);
        return i;
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
