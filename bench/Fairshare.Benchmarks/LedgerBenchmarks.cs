using BenchmarkDotNet.Attributes;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Benchmarks;

/// <summary>
/// The per-transaction pieces of the ledger, beside the raw Ed25519 verify they must stay close to
/// (run: dotnet run -c Release --project bench/Fairshare.Benchmarks -- --filter '*Ledger*').
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private SignedTransaction _tx = null!;
    private byte[] _message = null!;
    private TestChain _chain = null!;
    private SignedTransaction[] _block = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chain = TestChain.Create();
        _tx = _chain.Transfer("alice", "bob", 5);
        _message = _tx.Body.SigningBytes();
        _block = Enumerable.Range(0, 1000).Select(i => _chain.Transfer("alice", "bob", 1, nonce: (ulong)i)).ToArray();
    }

    /// <summary>The ceiling: NSec Ed25519 verify of one transaction's signature.</summary>
    [Benchmark(Baseline = true)]
    public bool RawEd25519Verify() => Ed25519.Verify(_tx.Signer, _message, _tx.Signature);

    /// <summary>Decode a signed transaction from its bytes (includes its id hash).</summary>
    [Benchmark]
    public SignedTransaction? Decode() => TransactionCodec.TryDecode(_tx.Encoded, out var tx) == ResultCode.Ok ? tx : null;

    /// <summary>Execute one transfer and roll it back (apply cost without growing the state).</summary>
    [Benchmark]
    public ResultCode ExecuteTransfer()
    {
        var state = _chain.State;
        int checkpoint = state.Checkpoint();
        var code = TransactionExecutor.Execute(state, _tx, 1, 1000, _chain.Validator.Address, []);
        state.Rollback(checkpoint);
        return code;
    }

    /// <summary>Produce a block of 1,000 transfers (execute, state root, receipts root), per block.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int ProduceBlockOf1000()
    {
        var fresh = TestChain.Create();
        return BlockExecutor.Produce(fresh.State, _block, fresh.State.Head.TimestampMs + 1, fresh.Validator).Block!.Transactions.Length;
    }
}
