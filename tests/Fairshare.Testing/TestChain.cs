using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Testing;

/// <summary>
/// A small chain for tests, built from the real genesis builder and block executor: named development keys,
/// each funded with FSH, one validator, a USDF issuer, and an optional vesting account.
/// </summary>
public sealed class TestChain
{
    /// <summary>The chain id of test chains.</summary>
    public const string Id = "fairshare-test";

    /// <summary>FSH each named account starts with, in base units (1,000 FSH).</summary>
    public static readonly Amount StartingBalance = Amount.Parse("1000000000000000000000");

    /// <summary>The minimum fee of test chains.</summary>
    public static readonly Amount MinFee = new(1000);

    private readonly Dictionary<string, KeyPair> _keys = [];

    private TestChain(GenesisConfig genesis, LedgerState state, KeyPair validator)
    {
        Genesis = genesis;
        State = state;
        Validator = validator;
    }

    /// <summary>The genesis config.</summary>
    public GenesisConfig Genesis { get; }

    /// <summary>The live state.</summary>
    public LedgerState State { get; }

    /// <summary>The only validator.</summary>
    public KeyPair Validator { get; }

    /// <summary>The named accounts every test chain funds.</summary>
    public static IReadOnlyList<string> Names { get; } = ["alice", "bob", "carol", "dave"];

    /// <summary>A development key by name (cached).</summary>
    public KeyPair Key(string name)
    {
        if (!_keys.TryGetValue(name, out var key)) _keys[name] = key = KeyPair.ForDevelopment(name);
        return key;
    }

    /// <summary>The genesis config of a test chain.</summary>
    public static GenesisConfig CreateGenesis(ulong vestingCliff = 10, ulong vestingDuration = 100)
    {
        var validator = KeyPair.ForDevelopment("test-validator");
        var issuer = KeyPair.ForDevelopment("issuer");
        var founder = KeyPair.ForDevelopment("founder");
        var genesis = DevGenesis.For(Id).WithMinFee(MinFee).WithValidator(validator.PublicKey).WithUsdf(issuer.Address);
        foreach (string name in Names) genesis = genesis.Fund(KeyPair.ForDevelopment(name).Address, Cohort.Airdrop, name, StartingBalance);
        return genesis
            .Fund(issuer.Address, Cohort.Treasury, "issuer", StartingBalance)
            .FundVesting(founder.Address, Cohort.Founders, "founder", StartingBalance, new GenesisVesting(0, vestingCliff, vestingDuration))
            .Build();
    }

    /// <summary>A fresh chain at genesis.</summary>
    public static TestChain Create() => Create(CreateGenesis());

    /// <summary>A fresh chain from a variant of <see cref="CreateGenesis"/> (e.g. a treasury held by a named key).</summary>
    public static TestChain Create(GenesisConfig genesis)
    {
        var (state, error) = GenesisBuilder.Build(genesis);
        if (error is not null) throw new InvalidOperationException(error.ToString());
        return new TestChain(genesis, state!, KeyPair.ForDevelopment("test-validator"));
    }

    /// <summary>A signed transaction from a named key with its next nonce (or the given one).</summary>
    public SignedTransaction Sign(string from, TxPayload payload, ulong? nonce = null, Amount? fee = null, string chainId = Id)
    {
        var key = Key(from);
        ulong next = nonce ?? State.Find(key.Address)?.Nonce ?? 0;
        return SignedTransaction.Sign(new Transaction(chainId, next, fee ?? MinFee, payload), key);
    }

    /// <summary>A signed FSH transfer.</summary>
    public SignedTransaction Transfer(string from, string to, ulong amount, ulong? nonce = null) =>
        Sign(from, new TransferPayload(Key(to).Address, AssetId.Fsh, new Amount(amount)), nonce);

    /// <summary>Produces the next block from the candidates (empty blocks allowed), one second after the head.</summary>
    public ProducedBlock Produce(params SignedTransaction[] candidates) =>
        BlockExecutor.Produce(State, candidates, State.Head.TimestampMs + 1000, Validator, allowEmpty: true);

    /// <summary>The sum of every account's balance of an asset.</summary>
    public Amount SumOfBalances(AssetId asset) =>
        State.AccountsInOrder().Aggregate(Amount.Zero, (sum, account) => sum + account.BalanceOf(asset));

    /// <summary>Every account's encoding, to compare whole states.</summary>
    public string Fingerprint() =>
        string.Join('\n', State.AccountsInOrder().Select(a => $"{a.Address}:{a.Nonce}:{string.Join(';', a.Balances.Select(b => $"{b.Asset}={b.Amount}"))}:{a.Vesting}"));
}
