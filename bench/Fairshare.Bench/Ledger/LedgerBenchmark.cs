using System.Diagnostics;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Bench.Ledger;

/// <summary>
/// The whole-system ledger figure: signed FSH transfers decoded, verified, applied and committed to SQLite per
/// second on one node, beside the raw NSec verify rate of the same signatures measured in the same run (admission
/// and block production run as two stages, as they would in a node); then the
/// replay speed of verify-chain over the chain just written, and the memory of a state with many accounts.
/// </summary>
public static class LedgerBenchmark
{
    private const string ChainId = "fairshare-bench";

    /// <summary>Runs the benchmark in a temporary data directory; <paramref name="stage"/> names each stage as it starts.</summary>
    public static LedgerBenchResult Run(int transactions, int blockSize, int memoryAccounts, Action<string, double>? stage = null)
    {
        string root = Path.Combine(Path.GetTempPath(), "fairshare-bench-" + Environment.ProcessId + "-" + Stopwatch.GetTimestamp());
        try
        {
            return RunIn(new DataDirectory(root), transactions, blockSize, memoryAccounts, stage ?? ((_, _) => { }));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static LedgerBenchResult RunIn(DataDirectory data, int transactions, int blockSize, int memoryAccounts, Action<string, double> stage)
    {
        const int senderCount = 1000;
        stage("signing transfers", 0);
        var senders = Enumerable.Range(0, senderCount).Select(i => KeyPair.ForDevelopment("bench-sender-" + i)).ToArray();
        var validator = KeyPair.ForDevelopment("bench-validator");
        var builder = DevGenesis.For(ChainId).WithValidator(validator.PublicKey);
        foreach (var key in senders) builder = builder.Fund(key.Address, Cohort.Airdrop, "", new Amount(1_000_000_000_000_000_000UL));
        var genesis = builder.Build();
        var encoded = new byte[transactions][];
        var messages = new byte[transactions][];
        for (int i = 0; i < transactions; i++)
        {
            var sender = senders[i % senderCount];
            var to = Address.ForModule("bench-recipient-" + (i % 50_000));
            var body = new Transaction(ChainId, (ulong)(i / senderCount), genesis.MinFee, new TransferPayload(to, AssetId.Fsh, new Amount(1 + (ulong)i)));
            var signed = SignedTransaction.Sign(body, sender);
            encoded[i] = signed.Encoded;
            messages[i] = body.SigningBytes();
        }

        stage("raw NSec verify", 0);
        var raw = Stopwatch.StartNew();
        int verified = 0;
        for (int i = 0; i < transactions; i++)
        {
            var tx = encoded[i];
            var key = new PublicKey(tx.AsSpan(tx.Length - 96, 32));
            if (Ed25519.Verify(key, messages[i], tx.AsSpan(tx.Length - 64))) verified++;
        }

        double rawRate = transactions / raw.Elapsed.TotalSeconds;
        if (verified != transactions) throw new InvalidOperationException("benchmark signatures do not verify");
        messages = null!;

        WriteDataDirectory(data, genesis, validator);
        stage("decode + verify + apply + commit", 0);
        double pipelineRate;
        StageBreakdown breakdown;
        using (var node = LedgerNode.Open(data))
        {
            node.SnapshotInterval = 0;
            // Two stages, as in a node: admission (decode + verify) on this thread, block production (apply, roots,
            // SQLite) on another, handing over verified batches.
            var pipeline = Stopwatch.StartNew();
            long decodeTicks = 0, verifyTicks = 0, commitTicks = 0;
            using var handoff = new System.Collections.Concurrent.BlockingCollection<List<SignedTransaction>>(boundedCapacity: 2);
            var producer = Task.Run(() =>
            {
                int committed = 0;
                foreach (var verified in handoff.GetConsumingEnumerable())
                {
                    long t2 = Stopwatch.GetTimestamp();
                    var outcome = node.CommitVerified(verified);
                    commitTicks += Stopwatch.GetTimestamp() - t2;
                    if (!outcome.Rejected.IsEmpty) throw new InvalidOperationException($"rejected: {outcome.Rejected[0].Code}");
                    committed += verified.Count;
                    stage("decode + verify + apply + commit", (double)committed / transactions);
                }
            });
            var batch = new List<SignedTransaction>(blockSize);
            for (int i = 0; i < transactions; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                if (TransactionCodec.TryDecode(encoded[i], out var tx) != ResultCode.Ok) throw new InvalidOperationException("decode failed");
                long t1 = Stopwatch.GetTimestamp();
                if (!tx!.VerifySignature()) throw new InvalidOperationException("signature failed");
                decodeTicks += t1 - t0;
                verifyTicks += Stopwatch.GetTimestamp() - t1;
                batch.Add(tx);
                if (batch.Count == blockSize || i == transactions - 1)
                {
                    handoff.Add(batch);
                    batch = new List<SignedTransaction>(blockSize);
                }
            }

            handoff.CompleteAdding();
            producer.GetAwaiter().GetResult();
            breakdown = new StageBreakdown(
                Micros(decodeTicks, transactions), Micros(verifyTicks, transactions), Micros(commitTicks, transactions));
            pipelineRate = transactions / pipeline.Elapsed.TotalSeconds;
        }

        encoded = null!;
        stage("verify-chain replay", 0);
        var replay = Stopwatch.StartNew();
        var verification = ChainVerifier.Verify(data);
        if (!verification.IsOk) throw new InvalidOperationException("replay failed: " + verification.Failure);
        double replayRate = verification.TransactionsChecked / replay.Elapsed.TotalSeconds;

        stage($"state with {memoryAccounts:N0} accounts", 0);
        var (bytes, rootSeconds, snapshotBytes) = MeasureMemory(memoryAccounts, validator);
        return new LedgerBenchResult(transactions, blockSize, rawRate, pipelineRate, breakdown, replayRate, memoryAccounts, bytes, rootSeconds, snapshotBytes);
    }

    private static (long Bytes, double RootSeconds, long SnapshotBytes) MeasureMemory(int accounts, KeyPair validator)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var state = new LedgerState(ChainId, new ChainParams(Amount.Zero, 5000, Address.ForModule("treasury")), [validator.PublicKey],
            new ChainHead(0, Hash32.Zero, 0, Hash32.Zero));
        state.RegisterAsset(new AssetInfo(AssetId.Fsh, "FSH", 18, new Amount((ulong)accounts * 1000), null));
        for (int i = 0; i < accounts; i++)
        {
            var account = state.GetOrCreate(Address.ForModule("account-" + i));
            state.SetBalance(account, AssetId.Fsh, new Amount(1000));
            if ((i & 0xFFFF) == 0) state.Commit();
        }

        state.Commit();
        var watch = Stopwatch.StartNew();
        state.ComputeRoot();
        double rootSeconds = watch.Elapsed.TotalSeconds;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        long snapshot = StateSnapshot.Encode(state).LongLength;
        GC.KeepAlive(state);
        return (after - before, rootSeconds, snapshot);
    }

    private static double Micros(long ticks, int count) => ticks * 1e6 / Stopwatch.Frequency / count;

    private static void WriteDataDirectory(DataDirectory data, GenesisConfig genesis, KeyPair validator)
    {
        Directory.CreateDirectory(data.Root);
        File.WriteAllText(data.GenesisPath, GenesisWriter.ToJson(genesis));
        NodeKeyFile.Write(data.NodeKeyPath, validator);
    }
}
