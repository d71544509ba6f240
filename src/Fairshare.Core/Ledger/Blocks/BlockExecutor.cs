using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>
/// Apply(state, block) → (state root, receipts), and its twin for proposers, Produce. A block is valid only when
/// its header follows the head, its signatures verify, every transaction succeeds, and re-execution gives the
/// roots it claims. An invalid block leaves the state exactly as it was.
/// </summary>
public static class BlockExecutor
{
    /// <summary>
    /// Builds the next block from candidates that were already signature-checked. Candidates that fail are left out
    /// and reported; the rest are applied and committed. The timestamp is raised to head + 1 ms if it is not later.
    /// With no valid candidate and <paramref name="allowEmpty"/> false, no block is made and nothing changes.
    /// </summary>
    public static ProducedBlock Produce(LedgerState state, IReadOnlyList<SignedTransaction> candidates, ulong timestampMs, KeyPair proposer, bool allowEmpty = false)
    {
        var head = state.Head;
        ulong height = head.Height + 1;
        ulong timestamp = timestampMs > head.TimestampMs ? timestampMs : head.TimestampMs + 1;
        var included = ImmutableArray.CreateBuilder<SignedTransaction>();
        var receipts = ImmutableArray.CreateBuilder<Receipt>();
        var rejected = ImmutableArray.CreateBuilder<RejectedTransaction>();
        var events = new List<LedgerEvent>();
        foreach (var tx in candidates)
        {
            events.Clear();
            var code = TransactionExecutor.Execute(state, tx, height, timestamp, proposer.Address, events);
            if (code != ResultCode.Ok)
            {
                rejected.Add(new RejectedTransaction(tx, code));
                continue;
            }

            included.Add(tx);
            receipts.Add(new Receipt(tx.Id, ResultCode.Ok, [.. events]));
        }

        var transactions = included.ToImmutable();
        if (transactions.IsEmpty && !allowEmpty) return new ProducedBlock(null, [], rejected.ToImmutable());
        if (Modules.EndBlock.Run(state, height, timestamp, proposer.Address) is { } endBlock) receipts.Add(endBlock);
        var receiptList = receipts.ToImmutable();
        var header = new BlockHeader(
            state.ChainId,
            height,
            head.BlockHash,
            timestamp,
            Block.TransactionRootOf(transactions),
            state.ComputeRoot(),
            Receipt.RootOf(receiptList),
            proposer.PublicKey,
            (uint)transactions.Length);
        var block = new Block(header, transactions, [BlockSignature.Sign(header, proposer)]);
        state.Commit();
        state.AdvanceHead(new ChainHead(height, header.Hash(), timestamp, header.StateRoot));
        return new ProducedBlock(block, receiptList, rejected.ToImmutable());
    }

    /// <summary>Checks and applies a block; on any failure the state is unchanged.</summary>
    public static AppliedBlock Apply(LedgerState state, Block block, SignatureChecks checks)
    {
        var header = block.Header;
        var head = state.Head;
        if (!string.Equals(header.ChainId, state.ChainId, StringComparison.Ordinal)) return Fail(ResultCode.BlockWrongChainId);
        if (header.Height != head.Height + 1) return Fail(ResultCode.BadHeight);
        if (header.PreviousHash != head.BlockHash) return Fail(ResultCode.BadPreviousHash);
        if (header.TimestampMs <= head.TimestampMs) return Fail(ResultCode.TimestampNotMonotonic);
        if (header.TransactionCount != (uint)block.Transactions.Length
            || header.TransactionRoot != Block.TransactionRootOf(block.Transactions)) return Fail(ResultCode.BadTransactionRoot);
        if (!SignaturesValid(state, block)) return Fail(ResultCode.BadBlockSignature);
        if (checks == SignatureChecks.All)
        {
            for (int i = 0; i < block.Transactions.Length; i++)
            {
                if (!block.Transactions[i].VerifySignature()) return Fail(ResultCode.BadSignature, i);
            }
        }

        int checkpoint = state.Checkpoint();
        var receipts = ImmutableArray.CreateBuilder<Receipt>(block.Transactions.Length);
        var events = new List<LedgerEvent>();
        var proposer = header.Proposer.Address;
        for (int i = 0; i < block.Transactions.Length; i++)
        {
            var tx = block.Transactions[i];
            events.Clear();
            var code = TransactionExecutor.Execute(state, tx, header.Height, header.TimestampMs, proposer, events);
            if (code != ResultCode.Ok)
            {
                state.Rollback(checkpoint);
                return Fail(ResultCode.FailedTransactionInBlock, i);
            }

            receipts.Add(new Receipt(tx.Id, ResultCode.Ok, [.. events]));
        }

        if (Modules.EndBlock.Run(state, header.Height, header.TimestampMs, proposer) is { } endBlock) receipts.Add(endBlock);
        var receiptList = receipts.ToImmutable();
        if (state.ComputeRoot() != header.StateRoot)
        {
            state.Rollback(checkpoint);
            state.ComputeRoot();
            return Fail(ResultCode.BadStateRoot);
        }

        if (Receipt.RootOf(receiptList) != header.ReceiptsRoot)
        {
            state.Rollback(checkpoint);
            state.ComputeRoot();
            return Fail(ResultCode.BadReceiptsRoot);
        }

        state.Commit();
        state.AdvanceHead(new ChainHead(header.Height, header.Hash(), header.TimestampMs, header.StateRoot));
        return new AppliedBlock(ResultCode.Ok, receiptList);
    }

    private static bool SignaturesValid(LedgerState state, Block block)
    {
        bool proposerSigned = false;
        if (!state.Validators.Contains(block.Header.Proposer)) return false;
        foreach (var signature in block.Signatures)
        {
            if (!state.Validators.Contains(signature.Validator) || !signature.Verify(block.Header)) return false;
            if (signature.Validator == block.Header.Proposer) proposerSigned = true;
        }

        return proposerSigned;
    }

    private static AppliedBlock Fail(ResultCode code, int index = -1) => new(code, [], index);
}
