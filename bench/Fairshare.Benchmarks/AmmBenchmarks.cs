using System.Numerics;
using BenchmarkDotNet.Attributes;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Benchmarks;

/// <summary>
/// Exact DeFi math per second in-process: one swap (getAmountOut, then the pair's K check) on the uint256 path beside
/// the BigInteger-only reference it must equal, Compound's accrueInterest, and a whole signed swap transaction
/// applied through the ledger (run: dotnet run -c Release --project bench/Fairshare.Benchmarks -- --filter '*Amm*').
/// </summary>
[MemoryDiagnoser]
public class AmmBenchmarks
{
    private static readonly BigInteger ReserveIn = BigInteger.Parse("5000000000000000000000000");
    private static readonly BigInteger ReserveOut = BigInteger.Parse("10000000000000000000000000");
    private static readonly BigInteger AmountIn = BigInteger.Parse("1000000000000000000");
    private readonly Amount _reserveIn = Amount.Parse("5000000000000000000000000");
    private readonly Amount _reserveOut = Amount.Parse("10000000000000000000000000");
    private readonly Amount _amountIn = Amount.Parse("1000000000000000000");
    private readonly MarketInterest _market = new(BigInteger.Parse("2500000000000000000000000"), BigInteger.Parse("12000000000000000000000"), BigInteger.Parse("1031200000000000000"));
    private TestChain _chain = null!;
    private SignedTransaction _swap = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chain = AmmFixture.Create(fsh: 500, usdf: 1000);
        _swap = _chain.Sign("alice", new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], AmmFixture.Tokens(1), Amount.One, false));
    }

    /// <summary>The baseline: the spec-exact swap on BigInteger (what the conformance vectors run).</summary>
    [Benchmark(Baseline = true)]
    public BigInteger SwapBigInteger()
    {
        var amountOut = UniswapV2Math.GetAmountOut(AmountIn, ReserveIn, ReserveOut);
        return UniswapV2Math.Swap(ReserveIn, ReserveOut, 0, amountOut, AmountIn, 0).Reserve1;
    }

    /// <summary>The same swap, bit for bit, on the fixed-width uint256 path the ledger uses.</summary>
    [Benchmark]
    public Amount SwapUInt256()
    {
        var amountOut = UniswapV2Math256.GetAmountOut(_amountIn, _reserveIn, _reserveOut);
        return UniswapV2Math256.Swap(_reserveIn, _reserveOut, Amount.Zero, amountOut, _amountIn, Amount.Zero).Reserve1;
    }

    /// <summary>Compound's accrueInterest over 100 blocks (BigInteger, spec-exact).</summary>
    [Benchmark]
    public BigInteger AccrueInterest() =>
        CompoundV2Math.AccrueInterest(_market, 100_000_000_000_000_000, 23_782_343_987, 100).Market.BorrowIndex;

    /// <summary>A signed swap transaction through the ledger (nonce, fee, pool records, events), rolled back after.</summary>
    [Benchmark]
    public ResultCode SwapTransactionThroughTheLedger()
    {
        var state = _chain.State;
        int checkpoint = state.Checkpoint();
        var code = TransactionExecutor.Execute(state, _swap, state.Head.Height + 1, state.Head.TimestampMs + 1000, _chain.Validator.Address, []);
        state.Rollback(checkpoint);
        return code;
    }
}
