using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>Invariants over random sequences of valid and invalid transactions.</summary>
public sealed class LedgerPropertyTests
{
    private static readonly string[] Actors = ["alice", "bob", "carol", "dave", "issuer", "founder", "nobody"];

    /// <summary>Turns four script bytes into a transaction that may or may not be valid.</summary>
    private static SignedTransaction Step(TestChain chain, byte op, byte who, byte whom, ushort size)
    {
        string from = Actors[who % Actors.Length];
        var to = chain.Key(Actors[whom % Actors.Length]).Address;
        // Amounts from tiny to more than anyone holds, so some transfers overdraw.
        var amount = new Amount(size) * (op % 3 == 0 ? TestChain.StartingBalance / new Amount(2000) : Amount.One);
        ulong? nonce = op % 11 == 7 ? 99 : op % 13 == 5 ? 0 : null;
        TxPayload payload = (op % 6) switch
        {
            0 or 1 => new TransferPayload(to, op % 7 == 6 ? AssetId.Usdf : AssetId.Fsh, amount),
            2 => new MintStablePayload(to, amount),
            3 => new BurnStablePayload(amount),
            4 => new ClaimVestedPayload(),
            _ => new BatchPayload([new TransferPayload(to, AssetId.Fsh, amount), new TransferPayload(to, AssetId.Usdf, amount)]),
        };
        return chain.Sign(from, payload, nonce);
    }

    private static void AssertSupplyConserved(TestChain chain)
    {
        foreach (var asset in chain.State.Assets)
            Assert.Equal(asset.Supply, chain.SumOfBalances(asset.Id));
    }

    [Property(MaxTest = 60)]
    public void SupplyIsConserved_AndInvalidTransactionsChangeNothing(byte[] script)
    {
        var chain = TestChain.Create();
        AssertSupplyConserved(chain);
        for (int i = 0; i + 4 < script.Length && i < 160; i += 5)
        {
            var tx = Step(chain, script[i], script[i + 1], script[i + 2], (ushort)(script[i + 3] << 8 | script[i + 4]));
            var before = chain.Fingerprint();
            var rootBefore = chain.State.ComputeRoot();
            var produced = chain.Produce(tx);
            if (produced.Rejected.Length == 1)
            {
                Assert.Equal(before, chain.Fingerprint());
                Assert.Equal(rootBefore, chain.State.ComputeRoot());
            }
            else
            {
                Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
            }

            AssertSupplyConserved(chain);
            Assert.All(chain.State.AccountsInOrder(), a => Assert.All(a.Balances, b => Assert.False(b.Amount.IsZero)));
        }
    }

    [Property(MaxTest = 25)]
    public void TheSameBlocks_GiveTheSameStateRoot_OnAFreshState(byte[] script)
    {
        var proposer = TestChain.Create();
        var follower = TestChain.Create();
        for (int i = 0; i + 4 < script.Length && i < 100; i += 5)
        {
            var txs = new[]
            {
                Step(proposer, script[i], script[i + 1], script[i + 2], script[i + 3]),
                proposer.Transfer("alice", "bob", 1 + (ulong)script[i + 4], nonce: proposer.State.Find(proposer.Key("alice").Address)!.Nonce),
            };
            var block = proposer.Produce(txs).Block!;
            var applied = BlockExecutor.Apply(follower.State, block, SignatureChecks.All);
            Assert.True(applied.IsOk, applied.Code.ToString());
        }

        Assert.Equal(proposer.State.Head, follower.State.Head);
        Assert.Equal(proposer.State.ComputeRoot(), follower.State.ComputeRoot());
    }

    [Property(MaxTest = 20)]
    public void Snapshot_RoundTripsToTheSameRoot(byte[] script)
    {
        var chain = TestChain.Create();
        for (int i = 0; i + 4 < script.Length && i < 60; i += 5)
            chain.Produce(Step(chain, script[i], script[i + 1], script[i + 2], script[i + 3]));
        var bytes = StateSnapshot.Encode(chain.State);
        Assert.Equal(ResultCode.Ok, StateSnapshot.TryDecode(bytes, out var restored));
        Assert.Equal(chain.State.Head, restored!.Head);
        Assert.Equal(chain.State.ComputeRoot(), restored.ComputeRoot());
        Assert.Equal(bytes, StateSnapshot.Encode(restored));
    }

    [Fact]
    public void Snapshot_WithATamperedBalance_IsRefused()
    {
        var chain = TestChain.Create();
        chain.Produce(chain.Transfer("alice", "bob", 5));
        var bytes = StateSnapshot.Encode(chain.State);
        bytes[^10] ^= 1;
        Assert.NotEqual(ResultCode.Ok, StateSnapshot.TryDecode(bytes, out var restored));
        Assert.Null(restored);
    }

    [Fact]
    public void StateRoot_DoesNotDependOnInsertionOrder()
    {
        var a = new LedgerState("x", new ChainParams(Amount.Zero, 0, default), [], new ChainHead(0, Hash32.Zero, 0, Hash32.Zero));
        var b = new LedgerState("x", new ChainParams(Amount.Zero, 0, default), [], new ChainHead(0, Hash32.Zero, 0, Hash32.Zero));
        var addresses = Enumerable.Range(0, 300).Select(i => Address.ForModule("k" + i)).ToArray();
        foreach (var address in addresses) a.SetBalance(a.GetOrCreate(address), AssetId.Fsh, new Amount(7));
        foreach (var address in addresses.Reverse()) b.SetBalance(b.GetOrCreate(address), AssetId.Fsh, new Amount(7));
        Assert.Equal(a.ComputeRoot(), b.ComputeRoot());
        b.SetBalance(b.Find(addresses[42])!, AssetId.Fsh, new Amount(8));
        Assert.NotEqual(a.ComputeRoot(), b.ComputeRoot());
    }
}
