using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Primitives;
using Fairshare.Simulation.Economy.Agents;
using Fairshare.Simulation.Randomness;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Economy;

/// <summary>
/// One seeded run of the economy: draws the population from the run's seed, builds the genesis and the ledger, then
/// steps block by block (every agent queues its transactions, the real block executor applies them and the modules'
/// end-of-block pass), and measures what happened.
/// </summary>
internal sealed class EconomyRun
{
    private readonly EconomyParameters _p;
    private readonly RunContext _context;

    private int SampleEvery => _context.SampleEvery > 0 ? _context.SampleEvery : 50;
    private readonly List<ProviderAgent> _providers = [];
    private readonly List<ClientAgent> _clients = [];
    private readonly List<InsiderAgent> _insiders = [];
    private readonly List<VoterAgent> _voters = [];
    private readonly List<LiquidityAgent> _liquidity = [];
    private readonly List<ArbitrageAgent> _arbitrageurs = [];
    private readonly List<FlashLoanAttacker> _attackers = [];
    private readonly List<RugBuyerAgent> _rugBuyers = [];
    private readonly List<EconomyAgent> _all = [];
    private readonly IssuerAgent _issuer;
    private readonly MarketMakerAgent _marketMaker;
    private readonly EconomyWorld _world;
    private readonly ReportTable _series = new("economy", [
        new TableColumn("step", ColumnKind.Integer),
        new TableColumn("provider_income_gini", ColumnKind.Real),
        new TableColumn("market_price", ColumnKind.Real),
        new TableColumn("jobs_settled", ColumnKind.Integer),
        new TableColumn("pool_price", ColumnKind.Real),
    ]);

    public EconomyRun(EconomyParameters p, RunContext context)
    {
        _p = p;
        _context = context;
        ulong seed = context.Seed;
        var draw = SplitMix64.Derive(seed, 0);
        var genesis = new EconomyGenesis();
        _issuer = new IssuerAgent(seed);
        _marketMaker = new MarketMakerAgent(seed, p);
        _issuer.Grant(_marketMaker.Key, _marketMaker.UsdfNeeded);

        for (int i = 0; i < p.Providers; i++)
        {
            double cost = p.ProviderCostMin + (p.ProviderCostMax - p.ProviderCostMin) * draw.NextDouble();
            var capacity = (ushort)(1 + Math.Floor(p.ProviderCapacityMax * Math.Pow(draw.NextDouble(), 2)));
            if (capacity > p.ProviderCapacityMax) capacity = (ushort)p.ProviderCapacityMax;
            ulong score = 500 + draw.NextBelow(2_000);
            bool cheater = draw.NextDouble() < p.CheaterShare;
            var provider = new ProviderAgent(i, seed, p, cost, capacity, score, cheater);
            _providers.Add(provider);
            genesis.Airdrop(provider.Key, provider.Name, ProviderAgent.BondFsh + 100);
        }

        for (int i = 0; i < p.Clients; i++)
        {
            var client = new ClientAgent(i, seed, p);
            _clients.Add(client);
            genesis.Airdrop(client.Key, client.Name, ClientFsh(p.Clients));
        }

        for (int i = 0; i < p.SmallLps; i++) AddLiquidity(genesis, $"small-lp-{i}", 7_000 + (ulong)i, false, 50_000, 5_000);
        for (int i = 0; i < p.Whales; i++) AddLiquidity(genesis, $"whale-{i}", 8_000 + (ulong)i, true, 5_000_000, 500_000);

        for (int i = 0; i < p.Voters; i++)
        {
            double holding = Math.Min(2_000_000, 2_000 / Math.Pow(1 - draw.NextDouble(), 1 / 1.16));
            var voter = new VoterAgent(i, seed, p, holding);
            _voters.Add(voter);
            genesis.Airdrop(voter.Key, voter.Name, holding);
        }

        for (int i = 0; i < p.Arbitrageurs; i++)
        {
            var arbitrageur = new ArbitrageAgent(i, seed, 1_000_000, 200_000);
            _arbitrageurs.Add(arbitrageur);
            genesis.Airdrop(arbitrageur.Key, arbitrageur.Name, arbitrageur.Fsh);
            _issuer.Grant(arbitrageur.Key, arbitrageur.Usdf);
        }

        for (int i = 0; i < p.FlashLoanAttackers; i++)
        {
            var attacker = new FlashLoanAttacker(i, seed, p, 1_000_000, 100_000);
            _attackers.Add(attacker);
            genesis.Airdrop(attacker.Key, attacker.Name, attacker.Fsh);
            _issuer.Grant(attacker.Key, attacker.Usdf);
        }

        for (int i = 0; i < p.RugBuyers; i++)
        {
            var buyer = new RugBuyerAgent(i, seed, p, 10_000);
            _rugBuyers.Add(buyer);
            genesis.Airdrop(buyer.Key, buyer.Name, 100);
            _issuer.Grant(buyer.Key, buyer.Usdf);
        }

        AddInsiders(genesis, "founder", Cohort.Founders, p.Founders, EconomyGenesis.FoundersShare, 9_000);
        AddInsiders(genesis, "investor", Cohort.Investors, p.Investors, EconomyGenesis.InvestorsShare, 9_500);

        var validator = KeyPair.ForDevelopment("economy/validator");
        var config = genesis.Build(p, validator, _issuer.Key, _marketMaker.Key, _marketMaker.FshNeeded, p.Founders > 0, p.Investors > 0);
        var (state, error) = GenesisBuilder.Build(config);
        if (error is not null) throw new ScenarioException("bad_parameter", $"the genesis the parameters give is refused: {error}");
        _world = new EconomyWorld(state!, validator, p, new EconomyBook(_providers.Select(a => a.Address)));
        GenesisFshSupply = state!.FindAsset(AssetId.Fsh)!.Supply.ToBigInteger();

        // Order within a block: the attacker first (its quotes are from the head state), then the setup, the market, DeFi.
        _all.AddRange(_attackers);
        _all.Add(_issuer);
        _all.Add(_marketMaker);
        _all.AddRange(_providers);
        _all.AddRange(_clients);
        _all.AddRange(_insiders);
        _all.AddRange(_voters);
        _all.AddRange(_liquidity);
        _all.AddRange(_arbitrageurs);
        _all.AddRange(_rugBuyers);
    }

    /// <summary>Runs every step and measures the outcome.</summary>
    public RunOutcome Run()
    {
        for (int step = 1; step <= _context.Steps; step++)
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            _world.BeginBlock();
            foreach (var agent in _all) agent.Act(_world);
            var produced = _world.Produce();
            _world.Book.Record(produced, _world.State, _world.RejectedCount);
            if (step % SampleEvery == 0 || step == _context.Steps)
                _series.AddRow(step, IncomeGini(), _world.Book.MarketPrice, _world.Book.JobsSettled, _world.AmmPrice);
            _context.StepDone?.Invoke(step);
        }

        // The agents see the last block's results on their next turn; settle those without queueing anything new.
        _world.BeginBlock();
        foreach (var attacker in _attackers) attacker.Settle(_world);
        foreach (var insider in _insiders) insider.Settle(_world);
        foreach (var buyer in _rugBuyers) buyer.Settle(_world);
        return EconomyOutcome.Measure(this);
    }

    /// <summary>The FSH supply at genesis, base units.</summary>
    public BigInteger GenesisFshSupply { get; }

    /// <summary>The world at the end of the run.</summary>
    public EconomyWorld World => _world;

    /// <summary>The providers.</summary>
    public IReadOnlyList<ProviderAgent> Providers => _providers;

    /// <summary>The founders and investors.</summary>
    public IReadOnlyList<InsiderAgent> Insiders => _insiders;

    /// <summary>Every agent that may vote.</summary>
    public IEnumerable<Address> VoterAddresses =>
        _voters.Select(v => v.Address).Concat(_insiders.Select(i => i.Address)).Concat(_liquidity.Select(l => l.Address));

    /// <summary>The flash-loan attackers.</summary>
    public IReadOnlyList<FlashLoanAttacker> Attackers => _attackers;

    /// <summary>The rug-pull buyers.</summary>
    public IReadOnlyList<RugBuyerAgent> RugBuyers => _rugBuyers;

    /// <summary>The arbitrageurs.</summary>
    public IReadOnlyList<ArbitrageAgent> Arbitrageurs => _arbitrageurs;

    /// <summary>The per-step series.</summary>
    public ReportTable Series => _series;

    /// <summary>The cumulative provider-income Gini so far (NaN while nobody earned).</summary>
    public double IncomeGini()
    {
        var holdings = Holdings.Create(_world.Book.Income.Values);
        return holdings.IsOk ? Gini.Exact(holdings.Value!).ToDouble() : double.NaN;
    }

    /// <summary>A client's FSH: 1,000,000, less when many clients would need more than 40% of the airdrop.</summary>
    private static double ClientFsh(int clients) => Math.Min(1_000_000, EconomyGenesis.Supply * EconomyGenesis.AirdropShare * 0.4 / clients);

    private void AddLiquidity(EconomyGenesis genesis, string name, ulong stream, bool whale, double fsh, double usdf)
    {
        var agent = new LiquidityAgent(name, _context.Seed, stream, whale, fsh, usdf);
        _liquidity.Add(agent);
        genesis.Airdrop(agent.Key, agent.Name, fsh);
        _issuer.Grant(agent.Key, usdf);
    }

    private void AddInsiders(EconomyGenesis genesis, string kind, Cohort cohort, int count, double share, ulong stream)
    {
        for (int i = 0; i < count; i++)
        {
            var allocation = TokenUnits.Tokens(EconomyGenesis.Supply * share / count);
            var insider = new InsiderAgent($"{kind}-{i}", _context.Seed, stream + (ulong)i, _p, allocation);
            _insiders.Add(insider);
            genesis.Vesting(insider.Key, cohort, insider.Name, allocation, _p);
            _issuer.FeeGrant(insider.Key, 10);
        }
    }
}
