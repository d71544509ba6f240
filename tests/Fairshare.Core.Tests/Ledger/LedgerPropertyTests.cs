using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// Invariants over random sequences of valid and invalid transactions. Scripts are 40 to 200 bytes (8 to 40 steps of
/// five bytes), never empty; steps hit the nonce one behind and one ahead, zero and maximal amounts, and the whole
/// balance. How much each property explored (empty scripts, steps, outcomes) is written to the test output.
/// </summary>
public sealed class LedgerPropertyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Actors = ["alice", "bob", "carol", "dave", "issuer", "founder", "nobody"];

    private readonly Dictionary<string, int> _tally = [];
    private int _runs;
    private int _emptyScripts;

    /// <summary>Script bytes for the properties: long enough for many steps; shrinking may still shorten them.</summary>
    public static class ScriptArbitrary
    {
        /// <summary>The arbitrary FsCheck uses for the <c>byte[]</c> script parameters.</summary>
        public static Arbitrary<byte[]> Scripts() =>
            Arb.From(
                from length in Gen.Choose(40, 200)
                from bytes in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), length)
                select bytes,
                ArbMap.Default.ArbFor<byte[]>().Shrinker);
    }

    /// <summary>A generated transaction, with the code it must get when that is known in advance.</summary>
    private sealed record StepTx(SignedTransaction Tx, ResultCode? MustBe, string NonceMode, string AmountMode);

    /// <summary>
    /// Turns four script bytes into a transaction that may or may not be valid. <paramref name="whom"/>'s top three bits
    /// pick the nonce (one behind, one ahead, 99 or zero, or — five times in eight — the exact one); <paramref name="who"/>'s pick the amount
    /// (zero, the maximum, the sender's whole FSH, its FSH less the fee, or a scaled size).
    /// </summary>
    private static StepTx Step(TestChain chain, byte op, byte who, byte whom, ushort size)
    {
        // Half the mints and burns come from the issuer, so USDF circulates and senders' nonces climb.
        string from = op % 6 is 2 or 3 && (who & 8) != 0 ? "issuer" : Actors[who % Actors.Length];
        var sender = chain.Key(from).Address;
        var to = chain.Key(Actors[whom % Actors.Length]).Address;
        ulong expected = chain.State.Find(sender)?.Nonce ?? 0;
        var fsh = chain.State.BalanceOf(sender, AssetId.Fsh);
        (Amount amount, string amountMode) = (who >> 5) switch
        {
            0 => (Amount.Zero, "zero"),
            1 => (Amount.MaxValue, "max"),
            2 => (fsh, "whole-balance"),
            3 when fsh >= TestChain.MinFee => (fsh - TestChain.MinFee, "balance-less-fee"),
            // Amounts from tiny to more than anyone holds, so some transfers overdraw.
            _ => (new Amount(size) * (op % 3 == 0 ? TestChain.StartingBalance / new Amount(2000) : Amount.One), "scaled"),
        };
        (ulong nonce, ResultCode? mustBe, string nonceMode) = (whom >> 5) switch
        {
            0 when expected > 0 => (expected - 1, (ResultCode?)ResultCode.NonceReplayed, "one-behind"),
            0 or 1 => (expected + 1, (ResultCode?)ResultCode.NonceGap, "one-ahead"),
            2 when (whom & 16) != 0 => (99UL, expected == 99 ? null : expected > 99 ? ResultCode.NonceReplayed : (ResultCode?)ResultCode.NonceGap, "far"),
            2 => (0UL, expected == 0 ? null : (ResultCode?)ResultCode.NonceReplayed, "zero"),
            _ => (expected, (ResultCode?)null, "exact"),
        };
        TxPayload payload = (op % 6) switch
        {
            0 or 1 => new TransferPayload(to, op % 7 == 6 ? AssetId.Usdf : AssetId.Fsh, amount),
            2 => new MintStablePayload(to, amount),
            3 => new BurnStablePayload(amount),
            4 => new ClaimVestedPayload(),
            _ => new BatchPayload([new TransferPayload(to, AssetId.Fsh, amount), new TransferPayload(to, AssetId.Usdf, amount)]),
        };
        return new StepTx(chain.Sign(from, payload, nonce), mustBe, nonceMode, amountMode);
    }

    private void Count(string what, int by = 1) => _tally[what] = _tally.GetValueOrDefault(what) + by;

    private void StartRun(byte[] script)
    {
        _runs++;
        if (script.Length < 5) _emptyScripts++;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_runs == 0) return;
        var lines = new List<string> { $"runs: {_runs}, empty scripts (no step): {_emptyScripts}" };
        lines.AddRange(_tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"  {t.Key}: {t.Value}"));
        try
        {
            foreach (var line in lines) output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The runner has already closed this test's output; the tally is only a report.
            foreach (var line in lines) Console.WriteLine(line);
        }
    }

    private static void AssertSupplyConserved(TestChain chain)
    {
        foreach (var asset in chain.State.Assets)
            Assert.Equal(asset.Supply, chain.SumOfBalances(asset.Id));
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(ScriptArbitrary)])]
    public void SupplyIsConserved_AndInvalidTransactionsChangeNothing(byte[] script)
    {
        StartRun(script);
        var chain = TestChain.Create();
        AssertSupplyConserved(chain);
        for (int i = 0; i + 4 < script.Length && i < 200; i += 5)
        {
            var step = Step(chain, script[i], script[i + 1], script[i + 2], (ushort)(script[i + 3] << 8 | script[i + 4]));
            var sender = chain.State.Find(step.Tx.Sender);
            ulong nonceBefore = sender?.Nonce ?? 0;
            var before = chain.Fingerprint();
            var rootBefore = chain.State.ComputeRoot();
            var produced = chain.Produce(step.Tx);
            var code = produced.Rejected.Length == 1 ? produced.Rejected[0].Code : Assert.Single(produced.Receipts).Code;
            Count($"nonce {step.NonceMode}");
            Count($"amount {step.AmountMode}");
            Count($"outcome {code}");
            if (step.MustBe is { } mustBe) Assert.Equal(mustBe, code);
            if (produced.Rejected.Length == 1)
            {
                Assert.Equal(before, chain.Fingerprint());
                Assert.Equal(rootBefore, chain.State.ComputeRoot());
            }
            else
            {
                Assert.Equal(ResultCode.Ok, code);
                Assert.Equal(nonceBefore + 1, chain.State.Find(step.Tx.Sender)!.Nonce);
            }

            AssertSupplyConserved(chain);
            Assert.All(chain.State.AccountsInOrder(), a => Assert.All(a.Balances, b => Assert.False(b.Amount.IsZero)));
        }
    }

    [Property(MaxTest = 25, Arbitrary = [typeof(ScriptArbitrary)])]
    public void TheSameBlocks_GiveTheSameStateRoot_OnAFreshState(byte[] script)
    {
        StartRun(script);
        var proposer = TestChain.Create();
        var follower = TestChain.Create();
        for (int i = 0; i + 4 < script.Length && i < 100; i += 5)
        {
            var txs = new[]
            {
                Step(proposer, script[i], script[i + 1], script[i + 2], script[i + 3]).Tx,
                proposer.Transfer("alice", "bob", 1 + (ulong)script[i + 4], nonce: proposer.State.Find(proposer.Key("alice").Address)!.Nonce),
            };
            var block = proposer.Produce(txs).Block!;
            Count($"block transactions {block.Transactions.Length}");
            var applied = BlockExecutor.Apply(follower.State, block, SignatureChecks.All);
            Assert.True(applied.IsOk, applied.Code.ToString());
        }

        Assert.Equal(proposer.State.Head, follower.State.Head);
        Assert.Equal(proposer.State.ComputeRoot(), follower.State.ComputeRoot());
    }

    [Property(MaxTest = 20, Arbitrary = [typeof(ScriptArbitrary)])]
    public void Snapshot_RoundTripsToTheSameRoot(byte[] script)
    {
        StartRun(script);
        var chain = TestChain.Create();
        for (int i = 0; i + 4 < script.Length && i < 60; i += 5)
            Count($"included {chain.Produce(Step(chain, script[i], script[i + 1], script[i + 2], script[i + 3]).Tx).Block!.Transactions.Length}");
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
