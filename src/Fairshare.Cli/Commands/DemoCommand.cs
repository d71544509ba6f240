using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Analytics.Concentration;
using Fairshare.Cli.Output;
using Fairshare.Core.Primitives;
using Fairshare.Agents.Demo;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare demo</c>: the compute market end to end, in one process, on the embedded default.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var jobs = new Option<int>("--jobs") { Description = "inference jobs each of the two clients submits", DefaultValueFactory = _ => 50 };
        var keep = new Option<string?>("--keep") { Description = "keep the chains and blobs in this folder (default: a temporary folder, deleted)" };
        var command = new Command("demo", """
            Run the compute market end to end in one process on the embedded default (SQLite): a validator, six
            providers (one returns wrong outputs on a quarter of its jobs, one is slow) and two clients submitting real
            ONNX inference jobs, once under the lowest-price matching policy and once under fair-share. Shows progress,
            then jobs done and verified, cheats caught and slashed, money paid by flow tag, and the Gini of provider
            income under each policy.
            """)
        {
            jobs, keep,
        };
        command.SetAction(parsed => CliApp.RunLocal(parsed, "demo", writesStore: false, context =>
        {
            int perClient = parsed.GetValue(jobs);
            if (perClient is < 1 or > 500) throw new CliUsageException("--jobs must be between 1 and 500");
            string? kept = parsed.GetValue(keep);
            string root = kept is null
                ? Path.Combine(Path.GetTempPath(), "fairshare-demo-" + Environment.ProcessId + "-" + DateTime.UtcNow.Ticks)
                : Path.GetFullPath(kept);
            if (kept is not null && Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
                throw new CliUsageException($"--keep {kept}: the folder is not empty; give a new or empty folder");
            try
            {
                var report = RunWithProgress(context, root, perClient);
                if (context.Json) context.WriteJson(Json(report));
                else Print(context, report, kept is null ? null : root);
                return ExitCodes.Ok;
            }
            finally
            {
                if (kept is null && Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
        }));
        return command;
    }

    private static DemoReport RunWithProgress(CliContext context, string root, int perClient)
    {
        if (context.Json || Console.IsOutputRedirected)
        {
            string? last = null;
            return DemoRunner.Run(root, perClient, p =>
            {
                if (context.Json || p.Stage == last) return;
                last = p.Stage;
                Console.Out.WriteLine($"... {p.Stage}");
            });
        }

        DemoReport report = null!;
        context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                report = DemoRunner.Run(root, perClient, p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        foreach (var other in tasks.Values) other.Value = other.MaxValue;
                        tasks[p.Stage] = task = progress.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total));
                    }

                    task.Value = p.Done;
                    task.Description = Markup.Escape($"{p.Stage} (block {p.Height})");
                });
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        return report;
    }

    private static void Print(CliContext context, DemoReport report, string? keptAt)
    {
        var console = context.Console;
        // Redirected output has no terminal width; Spectre would assume 80 columns and wrap the provider tables.
        if (Console.IsOutputRedirected) console.Profile.Width = Math.Max(console.Profile.Width, 120);
        var hw = report.Hardware;
        console.MarkupLine($"[bold]machine[/] {Markup.Escape(hw.CpuModel)}, {hw.LogicalCores} logical cores, {hw.MemoryMb / 1024.0:N1} GiB" +
                           (hw.Gpus.IsEmpty ? ", no NVIDIA GPU" : ", GPUs: " + Markup.Escape(string.Join(", ", hw.Gpus.Select(g => g.Name)))));
        console.MarkupLine($"[bold]benchmark[/] {report.BenchmarkScore:N0} work units/s (1 work unit = 10^6 multiply-adds); every provider offers it");
        console.MarkupLine($"[bold]model[/] {Markup.Escape(report.Workload.ModelDescription)}; ONNX Runtime on the CPU, one thread");
        console.WriteLine();

        var policies = report.Outcomes;
        var jobs = new Table().Title("jobs").AddColumn("");
        foreach (var o in policies) jobs.AddColumn(new TableColumn(o.Policy).RightAligned());
        Row(jobs, "submitted", policies, o => $"{o.Submitted}");
        Row(jobs, "settled with a verified output", policies, o => $"{o.Settled}");
        Row(jobs, "  accepted output = client's own run", policies, o => $"{o.OutputsCorrect} of {o.Settled}");
        Row(jobs, "failed (escrow refunded)", policies, o => $"{o.Failed}");
        Row(jobs, "went to arbiters (disputes)", policies, o => $"{o.Disputed}");
        Row(jobs, "escrow locked → spent by clients", policies, o => $"{Fsh(o.ClientEscrow)} → {Fsh(o.ClientSpend)} FSH");
        Row(jobs, "blocks, wall time", policies, o => $"{o.Blocks}, {o.Elapsed.TotalSeconds:N1} s");
        console.Write(jobs);

        foreach (var o in policies)
        {
            var providers = new Table().Title($"providers under {o.Policy}")
                .AddColumns("provider", "behaviour", "price", "ran", "paid", "caught", "missed", "slashed", "income", "rep.");
            foreach (var p in o.Providers)
            {
                providers.AddRow(
                    p.Name, Markup.Escape(p.Role), Fsh(p.PricePerWorkUnit), $"{p.JobsRun}", $"{p.Verified}",
                    p.Faults > 0 ? $"[red]{p.Faults}[/] of {p.Cheats}" : p.Cheats > 0 ? $"0 of {p.Cheats}" : "0", $"{p.Missed}", Fsh(p.Slashed, 2), Fsh(p.Income, 3),
                    $"{p.ReputationPpm / 10_000.0:N0}%" + (p.Jailed ? " [red]jail[/]" : ""));
            }

            console.Write(providers);
        }

        console.MarkupLine("[grey]price: FSH per work unit · ran: slots executed · paid: slots verified and paid · caught: wrong outputs found of those sent · slashed, income: FSH[/]");

        var flows = new Table().Title("money moved, by flow tag (FSH)").AddColumn("flow tag");
        foreach (var o in policies) flows.AddColumn(new TableColumn(o.Policy).RightAligned());
        var tags = policies.SelectMany(o => o.Flows.Keys).Distinct().Order().ToList();
        foreach (var tag in tags) Row(flows, FlowName(tag), policies, o => Fsh(o.Flows.GetValueOrDefault(tag)));
        Row(flows, "burned (protocol fee)", policies, o => Fsh(o.Burned));
        console.Write(flows);

        var gini = new Table().Title("provider income concentration").AddColumn("");
        foreach (var o in policies) gini.AddColumn(new TableColumn(o.Policy).RightAligned());
        var measures = policies.Select(o => Measure(o)).ToList();
        Row(gini, "Gini (population, 6 providers)", policies, o => Show(measures[policies.IndexOf(o)], m => m.Gini.ToString("N3")));
        var honest = policies.Select(o => Measure(o, honestOnly: true)).ToList();
        Row(gini, "Gini of the honest providers only", policies, o => Show(honest[policies.IndexOf(o)], m => m.Gini.ToString("N3")));
        Row(gini, "top-1 share", policies, o => Show(measures[policies.IndexOf(o)], m => m.Top1Share.ToString("P1")));
        Row(gini, "Nakamoto coefficient (1/2)", policies, o => Show(measures[policies.IndexOf(o)], m => m.Nakamoto50.ToString()));
        console.Write(gini);
        if (keptAt is not null) console.MarkupLine($"[grey]chains and blobs kept in {Markup.Escape(keptAt)}[/]");
    }

    private static ConcentrationReport? Measure(PolicyOutcome outcome, bool honestOnly = false)
    {
        var holdings = Holdings.Create(outcome.Providers.Where(p => !honestOnly || p.Role == "honest").Select(p => p.Income.ToBigInteger()));
        return holdings.IsOk ? Concentration.Measure(holdings.Value!) : null;
    }

    private static string Show(ConcentrationReport? report, Func<ConcentrationReport, string> value) => report is null ? "undefined (no income)" : value(report);

    private static void Row(Table table, string label, IReadOnlyList<PolicyOutcome> outcomes, Func<PolicyOutcome, string> cell) =>
        table.AddRow([label, .. outcomes.Select(cell)]);

    private static string FlowName(FlowTag tag) => tag switch
    {
        FlowTag.JobPayment => "job-payment",
        FlowTag.ProtocolFee => "protocol-fee",
        FlowTag.TxFee => "tx-fee",
        _ => tag.ToString().ToLowerInvariant(),
    };

    private static string Fsh(Amount amount, int decimals = 4) => TokenText.Number(amount, decimals);

    private static JsonObject Json(DemoReport report)
    {
        var outcomes = new JsonArray();
        foreach (var o in report.Outcomes)
        {
            var measure = Measure(o);
            outcomes.Add(new JsonObject
            {
                ["policy"] = o.Policy,
                ["blocks"] = o.Blocks,
                ["seconds"] = Math.Round(o.Elapsed.TotalSeconds, 2),
                ["submitted"] = o.Submitted,
                ["settled"] = o.Settled,
                ["outputsCorrect"] = o.OutputsCorrect,
                ["failed"] = o.Failed,
                ["disputed"] = o.Disputed,
                ["clientEscrow"] = o.ClientEscrow.ToDecimalString(18),
                ["clientSpend"] = o.ClientSpend.ToDecimalString(18),
                ["burned"] = o.Burned.ToDecimalString(18),
                ["flows"] = new JsonObject(o.Flows.Select(f => KeyValuePair.Create(FlowName(f.Key), (JsonNode?)f.Value.ToDecimalString(18)))),
                ["incomeGini"] = measure?.Gini,
                ["honestIncomeGini"] = Measure(o, honestOnly: true)?.Gini,
                ["providers"] = new JsonArray([.. o.Providers.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["behaviour"] = p.Role,
                    ["ran"] = p.JobsRun,
                    ["cheated"] = p.Cheats,
                    ["verified"] = p.Verified,
                    ["caught"] = p.Faults,
                    ["missed"] = p.Missed,
                    ["slashed"] = p.Slashed.ToDecimalString(18),
                    ["income"] = p.Income.ToDecimalString(18),
                    ["reputationPpm"] = p.ReputationPpm,
                    ["jailed"] = p.Jailed,
                })]),
            });
        }

        return new JsonObject
        {
            ["cpu"] = report.Hardware.CpuModel,
            ["benchmarkWorkUnitsPerSecond"] = report.BenchmarkScore,
            ["model"] = report.Workload.ModelDescription,
            ["policies"] = outcomes,
        };
    }
}
