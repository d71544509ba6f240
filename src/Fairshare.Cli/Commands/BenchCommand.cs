using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Node.Bench;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare bench ledger</c>: whole-system figures beside the physical limit measured in the same run.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Measure whole-system figures, each beside its limit measured in the same run.");
        var txs = new Option<int>("--txs") { Description = "signed transfers to push through the node", DefaultValueFactory = _ => 30_000 };
        var blockSize = new Option<int>("--block-size") { Description = "transactions per block", DefaultValueFactory = _ => 2_000 };
        var accounts = new Option<int>("--accounts") { Description = "accounts in the memory measurement", DefaultValueFactory = _ => 1_000_000 };
        var ledger = new Command("ledger", """
            Signed FSH transfers decoded, verified, applied and committed to SQLite per second on one node, next to the
            raw NSec Ed25519 verify rate of the same signatures (the ceiling); then verify-chain replay speed, and the
            memory of a state with --accounts accounts.
            """)
        {
            txs, blockSize, accounts,
        };
        ledger.SetAction(parsed => CliApp.RunLocal(parsed, "bench", writesStore: false, context =>
        {
            int n = parsed.GetValue(txs), size = parsed.GetValue(blockSize), m = parsed.GetValue(accounts);
            if (n < 1 || size < 1 || m < 1) throw new CliUsageException("--txs, --block-size and --accounts must be positive");
            var result = RunWithProgress(context, n, size, m);
            Print(context, result);
            return ExitCodes.Ok;
        }));
        command.Add(ledger);
        command.Add(CreateJob());
        return command;
    }

    private static Command CreateJob()
    {
        var jobs = new Option<int>("--jobs") { Description = "benchmark-model jobs sent through the whole path", DefaultValueFactory = _ => 12 };
        var costJobs = new Option<int>("--cost-jobs") { Description = "small jobs per verification policy in the cost runs", DefaultValueFactory = _ => 60 };
        var job = new Command("job", """
            The same inference batch timed straight through ONNX Runtime and through the whole job path of a local
            network (submit → match → run → commit → reveal → settle, each block signed, executed and stored in SQLite),
            in one run; goal: at most 10 % overhead for jobs of 50 ms or more. Then the cost multiplier of each
            verification policy: model runs and FSH per client job, beside what its parameters predict.
            """)
        {
            jobs, costJobs,
        };
        job.SetAction(parsed => CliApp.RunLocal(parsed, "bench", writesStore: false, context =>
        {
            int n = parsed.GetValue(jobs), m = parsed.GetValue(costJobs);
            if (n is < 1 or > 1000 || m is < 6 or > 2000) throw new CliUsageException("--jobs must be 1–1000 and --cost-jobs 6–2000");
            var result = JobBenchmark.Run(n, m, stage =>
            {
                if (!context.Json) context.Console.MarkupLine($"[grey]... {Markup.Escape(stage)}[/]");
            });
            PrintJob(context, result);
            return ExitCodes.Ok;
        }));
        return job;
    }

    private static void PrintJob(CliContext context, JobBenchResult r)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["model"] = r.Model,
                ["jobs"] = r.Jobs,
                ["direct_ms_per_batch"] = Math.Round(r.DirectMsPerBatch, 2),
                ["path_ms_per_job"] = Math.Round(r.PathMsPerJob, 2),
                ["overhead_percent"] = Math.Round(r.OverheadPercent, 2),
                ["blocks"] = r.Blocks,
                ["mean_latency_blocks"] = Math.Round(r.MeanLatencyBlocks, 2),
                ["policies"] = new JsonArray([.. r.Costs.Select(c => (JsonNode)new JsonObject
                {
                    ["policy"] = c.Policy,
                    ["jobs"] = c.Jobs,
                    ["executions_per_job"] = Math.Round(c.ExecutionsPerJob, 3),
                    ["paid_per_job"] = Math.Round(c.PaidPerJob, 3),
                    ["expected"] = double.IsNaN(c.Expected) ? null : Math.Round(c.Expected, 3),
                })]),
            });
            return;
        }

        var table = new Table().AddColumns("figure", "value", "beside it");
        table.AddRow("one batch straight through ONNX Runtime", $"{r.DirectMsPerBatch:N1} ms", Markup.Escape(r.Model));
        table.AddRow("the same batch as a job, whole path", $"{r.PathMsPerJob:N1} ms/job",
            $"{r.OverheadPercent:+0.0;-0.0} % overhead (goal ≤ 10 %); {r.Jobs} jobs, {r.Blocks} blocks, {r.MeanLatencyBlocks:N1} blocks submit → settle");
        context.Console.Write(table);
        var costs = new Table().Title("cost of each verification policy").AddColumns("policy", "client jobs", "model runs / job", "paid / job (× one run)", "predicted");
        foreach (var c in r.Costs)
            costs.AddRow(Markup.Escape(c.Policy), $"{c.Jobs}", $"{c.ExecutionsPerJob:N3}", $"{c.PaidPerJob:N3}", double.IsNaN(c.Expected) ? "—" : $"{c.Expected:N3}");
        context.Console.Write(costs);
    }

    private static LedgerBenchResult RunWithProgress(CliContext context, int n, int size, int m)
    {
        if (context.Json || Console.IsOutputRedirected)
            return LedgerBenchmark.Run(n, size, m, (stage, fraction) =>
            {
                if (fraction == 0 && !context.Json) Console.Out.WriteLine($"... {stage}");
            });
        LedgerBenchResult result = null!;
        context.Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                ProgressTask? current = null;
                string? currentName = null;
                result = LedgerBenchmark.Run(n, size, m, (stage, fraction) =>
                {
                    if (stage != currentName)
                    {
                        if (current is not null) current.Value = current.MaxValue;
                        current = progress.AddTask(stage, maxValue: 1);
                        currentName = stage;
                    }

                    current!.Value = fraction;
                });
                if (current is not null) current.Value = current.MaxValue;
            });
        return result;
    }

    private static void Print(CliContext context, LedgerBenchResult r)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["transactions"] = r.Transactions,
                ["block_size"] = r.BlockSize,
                ["raw_verify_per_s"] = Math.Round(r.RawVerifyPerSecond),
                ["pipeline_tx_per_s"] = Math.Round(r.PipelinePerSecond),
                ["pipeline_share_of_verify"] = Math.Round(r.PipelineShareOfVerify, 4),
                ["decode_us_per_tx"] = Math.Round(r.Stages.DecodeMicros, 2),
                ["verify_us_per_tx"] = Math.Round(r.Stages.VerifyMicros, 2),
                ["apply_commit_us_per_tx"] = Math.Round(r.Stages.ApplyAndCommitMicros, 2),
                ["replay_tx_per_s"] = Math.Round(r.ReplayPerSecond),
                ["memory_accounts"] = r.MemoryAccounts,
                ["memory_bytes"] = r.MemoryBytes,
                ["bytes_per_account"] = Math.Round(r.BytesPerAccount, 1),
                ["state_root_seconds"] = Math.Round(r.RootSeconds, 3),
                ["snapshot_bytes"] = r.SnapshotBytes,
            });
            return;
        }

        var table = new Table().AddColumns("figure", "value", "beside it");
        table.AddRow("raw Ed25519 verify (ceiling)", $"{r.RawVerifyPerSecond:N0} /s", "same signatures, same run");
        table.AddRow("signed transfers, end to end", $"{r.PipelinePerSecond:N0} tx/s",
            $"{r.PipelineShareOfVerify:P1} of the verify rate (goal ≥ 85%)");
        table.AddRow("  busy µs/tx per stage", $"{r.Stages.DecodeMicros + r.Stages.VerifyMicros + r.Stages.ApplyAndCommitMicros:N1}",
            $"decode {r.Stages.DecodeMicros:N1}, verify {r.Stages.VerifyMicros:N1}, apply+roots+SQLite {r.Stages.ApplyAndCommitMicros:N1}");
        table.AddRow("verify-chain replay", $"{r.ReplayPerSecond:N0} tx/s", $"{r.ReplayPerSecond / r.RawVerifyPerSecond:P1} of the verify rate");
        table.AddRow($"memory, {r.MemoryAccounts:N0} accounts", $"{r.MemoryBytes / 1048576.0:N0} MiB", $"{r.BytesPerAccount:N0} bytes/account");
        table.AddRow("state root from scratch", $"{r.RootSeconds:N2} s", $"{r.MemoryAccounts:N0} accounts");
        table.AddRow("snapshot size", $"{r.SnapshotBytes / 1048576.0:N0} MiB", $"{(double)r.SnapshotBytes / r.MemoryAccounts:N0} bytes/account");
        context.Console.Write(table);
        context.Console.MarkupLine($"[grey]{r.Transactions:N0} transfers in blocks of {r.BlockSize:N0}; SQLite WAL, synchronous=FULL[/]");
    }
}
