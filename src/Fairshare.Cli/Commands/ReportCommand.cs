using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Fairshare.Analytics.Attribution;
using Fairshare.Analytics.Export;
using Fairshare.Analytics.Plots;
using Fairshare.Analytics.Reports;
using Fairshare.Analytics.Waterfall;
using Fairshare.Cli.Output;
using Fairshare.Cli.Report;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare report</c>: the transparency report of a chain (the data directory's, or a node's with --node): the
/// overview by default, <c>report waterfall</c> for a job or a block range, <c>report genesis FILE</c> for an allocation
/// table. Terminal tables, --json, and with --out DIR the charts (PNG + SVG) and every table as CSV and Parquet.
/// </summary>
public static class ReportCommand
{
    private static readonly Option<string?> Out = new("--out") { Description = "write the charts (PNG + SVG) and every table (CSV + Parquet) into this directory" };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var buckets = new Option<int>("--buckets") { Description = "block ranges of the over-time series", DefaultValueFactory = _ => 20 };
        var whale = new Option<string?>("--whale") { Description = "FSH balance above which an account is a whale, in whole FSH (default: 1% of the supply)" };
        var command = new Command("report", """
            The transparency report of the chain (the data directory's, or the node's with --node URL). Holdings
            concentration per asset and per population choice (holders > 0 with and without protocol accounts, and without
            dust), holdings per group, income by group, role and flow tag (income: JobPayment, ProtocolFee, Emission,
            SwapFee, Interest, Slash, Vesting, TxFee received; transfers, swaps, liquidity, stake, escrow and refunds are not
            income), provider income concentration, and the Gini of cumulative income over time. Groups: genesis cohorts,
            treasury and protocol accounts, then whales, providers, LPs, clients, others.
            With --out DIR: Lorenz curves, Gini over time, income by group stacked over time and the income waterfall as PNG
            and SVG, and every table as CSV and Parquet. See also 'report waterfall' and 'report genesis'.
            """)
        {
            Out, buckets, whale,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context => RunOverview(context, parsed.GetValue(Out), parsed.GetValue(buckets), parsed.GetValue(whale))));
        command.Add(CreateWaterfall());
        command.Add(CreateGenesis());
        return command;
    }

    private static Command CreateWaterfall()
    {
        var job = new Option<ulong?>("--job") { Description = "the job whose escrow to follow" };
        var from = new Option<ulong?>("--from") { Description = "first block of the range (default 1)" };
        var to = new Option<ulong?>("--to") { Description = "last block of the range (default: the latest)" };
        var command = new Command("waterfall", """
            Where did the money go. With --job ID: the job's locked escrow, paid to each provider and arbiter (through their
            stake pools: provider and delegators), the protocol fee to the treasury, the burned fee, the refund and what is
            still locked, adding up to the escrow exactly; slashes beside it. With --from/--to: every FSH flow of the block
            range grouped source group → tag → destination group, mints and burns as their own rows, each group's net,
            reconciling to the base unit (Σ nets = minted − burned).
            """)
        {
            job, from, to, Out,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context => parsed.GetValue(job) is { } id
            ? RunJobWaterfall(context, id, parsed.GetValue(Out))
            : RunRangeWaterfall(context, parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(Out))));
        return command;
    }

    private static Command CreateGenesis()
    {
        var file = new Argument<FileInfo>("file") { Description = "a CSV 'label,amount[,cohort]' or a JSON object label → amount / array of {label, amount, cohort}" };
        var command = new Command("genesis", """
            The concentration metrics of a genesis allocation table, each row as a holder and each cohort as one, and the
            insider share (cohorts team, founders, investors, advisors, shareholders, contributors). Tables of UNI, COMP,
            AAVE, ARB and OP ship in genesis/tables/. A bucket is not an entity: read Nakamoto figures with care.
            """)
        {
            file, Out,
        };
        command.SetAction(parsed => CliApp.RunLocal(parsed, "report genesis", writesStore: false, context => RunGenesis(context, parsed.GetValue(file)!, parsed.GetValue(Out))));
        return command;
    }

    private static int RunOverview(CliContext context, string? outDir, int buckets, string? whaleText)
    {
        if (buckets < 1) throw new CliUsageException("--buckets must be at least 1");
        BigInteger? whale = null;
        if (whaleText is not null)
        {
            if (!Amount.TryParseDecimal(whaleText, 18, out var w)) throw new CliUsageException($"--whale '{whaleText}' is not an FSH amount such as 1000 or 2.5");
            whale = w.ToBigInteger();
        }

        var history = Load(context);
        var accounts = ChainDirectory.Read(history.State, whale);
        var input = new OverviewInput(history.State.Head.Height, accounts.Assets, accounts.Directory, accounts.Protocol, history.Flows, buckets);
        var result = Overview.Build(input);
        string symbol = input.Assets.IsEmpty ? "FSH" : input.Assets[0].Symbol;
        var written = new List<string>();
        if (outDir is not null)
        {
            written.AddRange(ReportWriter.Paths(result.WriteCharts(outDir, symbol)));
            written.AddRange(ReportWriter.Export(result.Tables, outDir));
        }

        if (context.Json)
        {
            var tables = new JsonObject();
            foreach (var t in result.Tables) tables[t.Name] = ReportWriter.ToJson(t);
            context.WriteJson(new JsonObject
            {
                ["height"] = input.Height,
                ["flows"] = history.Flows.Count,
                ["incomeTotal"] = result.Income.Total.ToString(CultureInfo.InvariantCulture),
                ["tables"] = tables,
                ["files"] = new JsonArray([.. written.Select(p => JsonValue.Create(p))]),
            });
            return ExitCodes.Ok;
        }

        context.Console.MarkupLine($"[bold]Transparency report[/] at height {DecimalFormat.Grouped(input.Height)}: {DecimalFormat.Grouped((ulong)history.Flows.Count)} flows, {input.Assets.Length} assets");
        foreach (var t in result.Tables) ReportWriter.Print(context, t);
        PrintWritten(context, written);
        return ExitCodes.Ok;
    }

    private static int RunJobWaterfall(CliContext context, ulong id, string? outDir)
    {
        using var chain = Chain.ChainAccess.Open(context);
        var job = MarketStore.Job(chain.State, id);
        if (job is null)
        {
            int count = MarketStore.Jobs(chain.State).Count();
            return context.Fail("unknown_job", $"no job {id} on this chain ({count} jobs; see 'fairshare market jobs')");
        }

        var report = JobWaterfall.Build(job, Short);
        var table = new ReportTable($"job_{id}_waterfall", [new("step", ColumnKind.Text), new("party", ColumnKind.Text), new("amount", ColumnKind.Exact), new("fsh", ColumnKind.Tokens), new("part", ColumnKind.Text)]);
        var unit = BigInteger.Pow(10, Units.Decimals);
        table.AddRow("locked", job.Client.ToString(), Fsh(report.Locked), Fsh(report.Locked), "escrow");
        foreach (var s in report.Steps) table.AddRow(s.Kind, s.Party, Fsh(s.Amount), Fsh(s.Amount), "escrow");
        foreach (var s in report.OutsideEscrow) table.AddRow(s.Kind, s.Party, Fsh(s.Amount), Fsh(s.Amount), "outside escrow");
        var written = new List<string>();
        if (outDir is not null)
        {
            written.AddRange(ReportWriter.Paths([Charts.Waterfall($"Job {id}: where the escrow went (FSH)", "FSH", report.ChartSteps(unit), Path.Combine(outDir, table.Name))]));
            written.AddRange(ReportWriter.Export([table], outDir));
        }

        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["job"] = id,
                ["state"] = report.State,
                ["locked"] = report.Locked.ToString(CultureInfo.InvariantCulture),
                ["reconciles"] = report.Reconciles,
                ["steps"] = ReportWriter.ToJson(table),
                ["files"] = new JsonArray([.. written.Select(p => JsonValue.Create(p))]),
            });
        }
        else
        {
            ReportWriter.Print(context, table, $"job {id} ({report.State}): where the escrow went");
            context.Console.MarkupLine(report.Reconciles
                ? $"[green]reconciles[/]: the steps add up to the locked {Fsh(report.Locked).Grouped} FSH exactly"
                : $"[red]does not reconcile[/]: the steps do not add up to the locked {Fsh(report.Locked).Grouped} FSH");
            PrintWritten(context, written);
        }

        return report.Reconciles ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static int RunRangeWaterfall(CliContext context, ulong? fromHeight, ulong? toHeight, string? outDir)
    {
        var history = Load(context);
        ulong latest = history.State.Head.Height;
        ulong from = fromHeight ?? 1, to = toHeight ?? latest;
        if (from < 1 || from > to || to > latest)
            return context.Fail("bad_range", $"the block range {from}..{to} is not within 1..{latest} (the latest block) with --from ≤ --to");
        var report = RangeWaterfall.Build(history.Flows, ChainDirectory.Read(history.State, null).Directory, AssetId.Fsh, from, to);
        var unit = BigInteger.Pow(10, Units.Decimals);
        var edges = new ReportTable($"waterfall_{from}_{to}", [new("from", ColumnKind.Text), new("tag", ColumnKind.Text), new("to", ColumnKind.Text), new("amount", ColumnKind.Exact), new("fsh", ColumnKind.Tokens), new("flows", ColumnKind.Integer)]);
        foreach (var e in report.Edges) edges.AddRow(Side(e.From, "minted"), e.Tag.ToString(), Side(e.To, "burned"), Fsh(e.Amount), Fsh(e.Amount), e.Flows);
        var nets = new ReportTable($"waterfall_{from}_{to}_groups", [new("group", ColumnKind.Text), new("received", ColumnKind.Exact), new("sent", ColumnKind.Exact), new("net", ColumnKind.Exact), new("net_fsh", ColumnKind.Tokens)]);
        foreach (var g in report.Groups) nets.AddRow(g.Group, Fsh(g.Received), Fsh(g.Sent), Fsh(g.Net), Fsh(g.Net));
        var mintedLessBurned = Fsh(report.Minted - report.Burned);
        nets.AddRow("(minted − burned)", Fsh(report.Minted), Fsh(report.Burned), mintedLessBurned, mintedLessBurned);
        var written = new List<string>();
        if (outDir is not null)
        {
            var steps = report.Groups.Select(g => new WaterfallStep(g.Group, Overview.Tokens(g.Net, unit)))
                .Append(new WaterfallStep("minted − burned", Overview.Tokens(report.Minted - report.Burned, unit), IsTotal: true)).ToList();
            written.AddRange(ReportWriter.Paths([Charts.Waterfall($"Blocks {from}–{to}: net FSH per group", "FSH", steps, Path.Combine(outDir, edges.Name))]));
            written.AddRange(ReportWriter.Export([edges, nets], outDir));
        }

        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["from"] = from,
                ["to"] = to,
                ["moved"] = report.Moved.ToString(CultureInfo.InvariantCulture),
                ["minted"] = report.Minted.ToString(CultureInfo.InvariantCulture),
                ["burned"] = report.Burned.ToString(CultureInfo.InvariantCulture),
                ["reconciles"] = report.Reconciles,
                ["flows"] = ReportWriter.ToJson(edges),
                ["groups"] = ReportWriter.ToJson(nets),
                ["files"] = new JsonArray([.. written.Select(p => JsonValue.Create(p))]),
            });
        }
        else
        {
            ReportWriter.Print(context, edges, $"blocks {from}..{to}: FSH flows, source → tag → destination");
            ReportWriter.Print(context, nets, "net per group");
            context.Console.MarkupLine(report.Reconciles
                ? $"[green]reconciles[/]: Σ nets = minted − burned = {mintedLessBurned.Grouped} FSH"
                : "[red]does not reconcile[/]");
            PrintWritten(context, written);
        }

        return report.Reconciles ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static int RunGenesis(CliContext context, FileInfo file, string? outDir)
    {
        if (!file.Exists) return context.Fail("not_found", $"{file.FullName} does not exist");
        var parsed = GenesisTable.Parse(File.ReadAllText(file.FullName));
        if (!parsed.IsOk) return context.Fail("bad_genesis_file", $"{file.Name}: {parsed.Error}");
        var report = GenesisAnalysis.Analyze(parsed.Rows);
        if (!report.IsOk) return context.Fail("bad_genesis_file", $"{file.Name}: {report.Error}");
        var written = new List<string>();
        if (outDir is not null)
        {
            var lorenz = LorenzSample.Of(file.Name, report.Holdings!);
            written.AddRange(ReportWriter.Paths([Charts.Lorenz($"Genesis: {file.Name}", [lorenz], Path.Combine(outDir, "genesis_lorenz"))]));
            written.AddRange(ReportWriter.Export(report.Tables, outDir));
        }

        double insider = report.InsiderShare!.Value.ToDouble();
        if (context.Json)
        {
            var tables = new JsonObject();
            foreach (var t in report.Tables) tables[t.Name] = ReportWriter.ToJson(t);
            context.WriteJson(new JsonObject
            {
                ["file"] = file.Name,
                ["rows"] = parsed.Rows.Length,
                ["insiderShare"] = insider,
                ["insiderShareExact"] = report.InsiderShare!.Value.ToString(),
                ["tables"] = tables,
                ["files"] = new JsonArray([.. written.Select(p => JsonValue.Create(p))]),
            });
            return ExitCodes.Ok;
        }

        foreach (var t in report.Tables) ReportWriter.Print(context, t, $"{file.Name}: {t.Name}");
        context.Console.MarkupLine($"insider share (team, founders, investors, advisors, shareholders, contributors): [bold]{(insider * 100).ToString("0.#####", CultureInfo.InvariantCulture)}%[/] ({report.InsiderShare})");
        PrintWritten(context, written);
        return ExitCodes.Ok;
    }

    private static ChainHistory Load(CliContext context)
    {
        if (context.Json || Console.IsOutputRedirected) return ChainHistory.Load(context, null);
        ChainHistory history = null!;
        context.Console.Progress().Start(progress =>
        {
            var task = progress.AddTask("reading the chain's flows", maxValue: 1);
            history = ChainHistory.Load(context, (height, latest) =>
            {
                task.MaxValue = Math.Max(1, latest);
                task.Value = height;
            });
            task.Value = task.MaxValue;
        });
        return history;
    }

    /// <summary>An address shortened for a table cell: fs1 and the first 8 hex digits, '…', the last 4 characters.</summary>
    private static string Short(Address address)
    {
        var text = address.ToString();
        return text.Length <= 16 ? text : $"{text[..11]}…{text[^4..]}";
    }

    private static string Side(string group, string zero) => group == AccountDirectory.MintBurn ? zero : group;

    /// <summary>An FSH amount in base units, for a table cell (the files keep base units; the terminal shows FSH).</summary>
    private static TokenAmount Fsh(BigInteger baseUnits) => new(baseUnits, Units.Decimals);

    private static void PrintWritten(CliContext context, List<string> written)
    {
        if (written.Count > 0) context.Console.MarkupLine($"wrote {written.Count} files to {Markup.Escape(Path.GetDirectoryName(Path.GetFullPath(written[0])) ?? ".")}");
    }
}
