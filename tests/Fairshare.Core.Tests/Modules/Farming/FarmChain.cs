using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Farming;

/// <summary>A test chain whose treasury is the key "treasury" (so it can sign farm transactions), with blocks at chosen times.</summary>
internal sealed class FarmChain
{
    /// <summary>FSH the treasury starts with: 1,000,000 FSH.</summary>
    public static readonly Amount TreasuryBalance = Amount.Parse("1000000000000000000000000");

    private FarmChain(TestChain chain) => Chain = chain;

    public TestChain Chain { get; }

    public Address Treasury => Chain.Key("treasury").Address;

    /// <summary>The head block's time in whole seconds.</summary>
    public ulong Now => Chain.State.Head.TimestampMs / 1000;

    public static FarmChain Create()
    {
        var treasury = KeyPair.ForDevelopment("treasury").Address;
        var genesis = TestChain.CreateGenesis();
        genesis = genesis with
        {
            Treasury = treasury,
            Allocations = genesis.Allocations.Add(new GenesisAllocation(treasury, Cohort.Treasury, "treasury", TreasuryBalance, null)),
        };
        return new FarmChain(TestChain.Create(genesis));
    }

    public Address Address(string name) => Chain.Key(name).Address;

    public SignedTransaction Sign(string from, TxPayload payload) => Chain.Sign(from, payload);

    /// <summary>Produces a block <paramref name="seconds"/> after the head with the candidates.</summary>
    public ProducedBlock After(ulong seconds, params SignedTransaction[] candidates) =>
        BlockExecutor.Produce(Chain.State, candidates, Chain.State.Head.TimestampMs + seconds * 1000, Chain.Validator, allowEmpty: true);

    /// <summary>Runs one transaction in a block <paramref name="seconds"/> after the head; returns its code.</summary>
    public ResultCode Run(ulong seconds, string from, TxPayload payload)
    {
        var produced = After(seconds, Sign(from, payload));
        return produced.Rejected.IsEmpty ? Assert.Single(produced.Receipts).Code : produced.Rejected[0].Code;
    }

    public Farm Farm(uint id) => FarmRegistry.Get(Chain.State, id)!;

    public FarmStake Stake(uint id, string name) => FarmRegistry.GetStake(Chain.State, id, Address(name));

    public Amount Balance(string name, AssetId asset) => Chain.State.BalanceOf(Address(name), asset);

    public Amount RewardBalance(uint id) => Chain.State.BalanceOf(FarmRegistry.RewardAccount(id), Core.Modules.Farming.Farm.RewardAsset);
}
