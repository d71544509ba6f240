using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Staking;

/// <summary>A <see cref="TestChain"/> with staking steps: transactions that must pass or fail, and direct module calls.</summary>
internal sealed class StakeChain
{
    public TestChain Chain { get; } = TestChain.Create();

    public ulong Height => Chain.State.Head.Height;

    public static Amount Fsh(ulong whole) => new Amount(whole) * Units.OneFsh;

    public Address Address(string name) => Chain.Key(name).Address;

    public Amount Balance(string name) => Chain.State.BalanceOf(Address(name), AssetId.Fsh);

    public Amount BalanceOf(Address account) => Chain.State.BalanceOf(account, AssetId.Fsh);

    public StakePool Pool(string provider) => StakingStore.Pool(Chain.State, Address(provider))!;

    /// <summary>Produces one block with the transactions, which must all succeed.</summary>
    public void Ok(params (string From, TxPayload Payload)[] steps)
    {
        var produced = Chain.Produce([.. steps.Select(s => Chain.Sign(s.From, s.Payload))]);
        Assert.True(produced.Rejected.IsEmpty, string.Join(", ", produced.Rejected.Select(r => r.Code)));
    }

    /// <summary>Produces a block with one transaction, which must fail; returns its code and checks nothing changed.</summary>
    public ResultCode Fails(string from, TxPayload payload)
    {
        var root = Chain.State.ComputeRoot();
        var produced = Chain.Produce(Chain.Sign(from, payload));
        Assert.Equal(root, Chain.State.ComputeRoot());
        return Assert.Single(produced.Rejected).Code;
    }

    /// <summary>Produces empty blocks.</summary>
    public void Advance(ulong blocks)
    {
        for (ulong i = 0; i < blocks; i++) Chain.Produce();
    }

    /// <summary>
    /// Runs a module call as the market would, in a context at the next height: what it did is committed on success and
    /// rolled back on a refusal, as the market's transaction would be.
    /// </summary>
    public (ResultCode Code, List<LedgerEvent> Events) Direct(Func<TxContext, ResultCode> call)
    {
        var state = Chain.State;
        var events = new List<LedgerEvent>();
        var context = new TxContext(state, Account.Detached(EndBlock.SystemAddress), state.Head.Height + 1, state.Head.TimestampMs + 1000, default, events);
        var checkpoint = state.Checkpoint();
        var code = call(context);
        if (code != ResultCode.Ok) state.Rollback(checkpoint);
        state.Commit();
        return (code, events);
    }
}
