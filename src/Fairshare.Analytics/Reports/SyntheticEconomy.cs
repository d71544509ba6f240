using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Attribution;
using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Reports;

/// <summary>
/// A made-up economy for benchmarking the report: accounts with power-law (Pareto, α = 1.16, the "80/20" tail) FSH
/// balances in 18-decimal base units, every digit used; a tenth of them dust (below one FSH); genesis cohorts
/// (founders, investors, advisors, airdrop) and roles (providers, LPs, clients); and flows over many blocks in a
/// realistic mix (transfers, job payments, transaction fees, swap fees, emission, interest). Deterministic per seed.
/// </summary>
public sealed record SyntheticEconomy(ImmutableArray<SyntheticAccount> Accounts, ImmutableArray<FlowRecord> Flows, ulong Height, Address Treasury)
{
    private const double Alpha = 1.16;
    private static readonly BigInteger Billion = 1_000_000_000;

    /// <summary>Generates <paramref name="accounts"/> accounts and <paramref name="flows"/> flows over <paramref name="blocks"/> blocks.</summary>
    public static SyntheticEconomy Generate(int accounts, int flows, ulong blocks, int seed = 1)
    {
        if (accounts < 100) throw new ArgumentOutOfRangeException(nameof(accounts), "at least 100 accounts");
        var random = new Random(seed);
        var treasury = Address.ForModule("synthetic/treasury");
        var list = ImmutableArray.CreateBuilder<SyntheticAccount>(accounts);
        for (int i = 0; i < accounts; i++)
        {
            double tokens = i % 10 == 9 ? random.NextDouble() : Math.Pow(1 - random.NextDouble(), -1 / Alpha);
            var balance = (BigInteger)(tokens * 1e9) * Billion + random.NextInt64(1_000_000_000);
            var cohort = i switch
            {
                < 10 => Cohort.Founders,
                < 40 => Cohort.Investors,
                < 50 => Cohort.Advisors,
                _ when i % 20 == 0 => Cohort.Airdrop,
                _ => Cohort.None,
            };
            var roles = (i % 500 == 1 ? AccountRole.Provider : 0) | (i % 200 == 2 ? AccountRole.LiquidityProvider : 0) | (i % 50 == 3 ? AccountRole.Client : 0);
            list.Add(new SyntheticAccount(Address.ForModule("synthetic/" + i), balance, cohort, roles));
        }

        var all = list.MoveToImmutable();
        var providers = all.Where(a => (a.Roles & AccountRole.Provider) != 0).Select(a => a.Address).ToArray();
        var lps = all.Where(a => (a.Roles & AccountRole.LiquidityProvider) != 0).Select(a => a.Address).ToArray();
        var escrow = Address.ForModule("synthetic/escrow");
        var events = ImmutableArray.CreateBuilder<FlowRecord>(flows);
        for (int i = 0; i < flows; i++)
        {
            ulong height = 1 + (ulong)((long)i * (long)blocks / flows);
            var someone = all[random.Next(all.Length)].Address;
            var amount = new Amount((ulong)random.NextInt64(1, 1_000_000_000)) * new Amount(1_000_000_000);
            int kind = random.Next(100);
            var e = kind switch
            {
                < 40 => new LedgerEvent(FlowTag.Transfer, AssetId.Fsh, someone, all[random.Next(all.Length)].Address, amount),
                < 65 => new LedgerEvent(FlowTag.JobPayment, AssetId.Fsh, escrow, providers[Zipf(random, providers.Length)], amount),
                < 80 => new LedgerEvent(FlowTag.TxFee, AssetId.Fsh, someone, treasury, new Amount((ulong)random.NextInt64(1, 1_000_000_000))),
                < 90 => new LedgerEvent(FlowTag.SwapFee, AssetId.Fsh, someone, lps[Zipf(random, lps.Length)], amount),
                < 95 => new LedgerEvent(FlowTag.Emission, AssetId.Fsh, default, providers[Zipf(random, providers.Length)], amount),
                _ => new LedgerEvent(FlowTag.Interest, AssetId.Fsh, escrow, someone, amount),
            };
            events.Add(new FlowRecord(height, height * 2_000, Core.Primitives.Hash32.Zero, e));
        }

        return new SyntheticEconomy(all, events.MoveToImmutable(), blocks, treasury);
    }

    /// <summary>The report's input: the balances as FSH, the directory of cohorts and roles (whales above <paramref name="whale"/> base units).</summary>
    public OverviewInput ToInput(BigInteger whale, int buckets = 20)
    {
        var cohorts = new Dictionary<Address, Cohort>();
        var roles = new Dictionary<Address, AccountRole>();
        foreach (var a in Accounts)
        {
            if (a.Cohort != Cohort.None) cohorts[a.Address] = a.Cohort;
            var r = a.Roles | (a.Balance > whale ? AccountRole.Whale : 0);
            if (r != 0) roles[a.Address] = r;
        }

        var names = new Dictionary<Address, string> { [Treasury] = "treasury" };
        var directory = new AccountDirectory(cohorts, roles, names);
        var holdings = new AssetHoldings(AssetId.Fsh, "FSH", 18, [.. Accounts.Select(a => new AccountBalance(a.Address, a.Balance))]);
        return new OverviewInput(Height, [holdings], directory, names.Keys.ToHashSet(), Flows, buckets);
    }

    /// <summary>A rank in [0, n) with probability falling as 1/(rank + 1): a few providers and LPs earn most.</summary>
    private static int Zipf(Random random, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(n + 1)) - 1));
}
