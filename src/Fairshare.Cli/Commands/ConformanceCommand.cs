using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Conformance;
using Fairshare.Conformance.Metrics;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare conformance FILE</c>: evaluates a spec vector file: a DeFi JSON vector file, or the metrics spec
/// (<c>metrics.md</c>), whose markdown tables and lists are read as they are.
/// </summary>
public static class ConformanceCommand
{
    /// <summary>The operation families that are implemented.</summary>
    public static IReadOnlyList<IVectorOperations> Operations => DefiOperations.All;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "a vector file, e.g. ../shared/spec/vectors/defi-public.json or ../shared/spec/metrics.md" };
        var command = new Command("conformance", $"""
            Evaluate every case of a vector file and print 'N passed, N failed' with each failure. Exit 1 when any case fails.
            A JSON file is a DeFi vector file (schemas: {string.Join(", ", ConformanceRunner.Schemas)}); a markdown file is the
            concentration-metrics spec (metrics.md): every vector of its input table against Tables A and B (12 significant
            digits; n, total and Nakamoto exactly; 'undef.' must be undefined) and its exact rationals, plus the extra checks
            (Lorenz points and values, the Nakamoto threshold table, the closed forms, the error inputs), one row per case.
            """)
        {
            file,
        };
        command.SetAction(parsed => CliApp.RunLocal(parsed, "conformance", writesStore: false, context => Run(context, parsed.GetValue(file)!)));
        return command;
    }

    private static int Run(CliContext context, FileInfo file)
    {
        if (!file.Exists) return context.Fail("not_found", $"{file.FullName} does not exist");
        string text = File.ReadAllText(file.FullName);
        if (file.Extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || MetricsConformance.IsMetricsMarkdown(text)) return RunMetrics(context, file, text);
        ConformanceReport report;
        try
        {
            report = new ConformanceRunner(Operations).Run(text);
        }
        catch (VectorFileException e)
        {
            return context.Fail("bad_vector_file", $"{file.Name}: {e.Message}");
        }

        if (context.Json)
        {
            var failures = new JsonArray();
            foreach (var f in report.Failures)
                failures.Add(new JsonObject { ["id"] = f.Id, ["primitive"] = f.Primitive, ["op"] = f.Operation, ["reason"] = f.Reason });
            context.WriteJson(new JsonObject { ["schema"] = report.Schema, ["passed"] = report.Passed, ["failed"] = report.Failed, ["failures"] = failures });
        }
        else
        {
            foreach (var f in report.Failures)
                context.Console.MarkupLine($"[red]FAIL[/] {Markup.Escape(f.Id)} {Markup.Escape(f.Primitive)}.{Markup.Escape(f.Operation)}: {Markup.Escape(f.Reason)}");
            Console.Out.WriteLine($"{report.Passed} passed, {report.Failed} failed");
        }

        return report.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static int RunMetrics(CliContext context, FileInfo file, string text)
    {
        MetricsConformanceReport report;
        try
        {
            report = MetricsConformance.Run(text);
        }
        catch (VectorFileException e)
        {
            return context.Fail("bad_vector_file", $"{file.Name}: {e.Message}");
        }

        if (context.Json)
        {
            var cases = new JsonArray();
            foreach (var c in report.Cases)
                cases.Add(new JsonObject { ["id"] = c.Id, ["checks"] = c.Checks, ["passed"] = c.Passed, ["failures"] = new JsonArray([.. c.Failures.Select(f => JsonValue.Create(f))]) });
            context.WriteJson(new JsonObject { ["schema"] = "metrics.md", ["passed"] = report.Passed, ["failed"] = report.Failed, ["checks"] = report.Checks, ["cases"] = cases });
        }
        else
        {
            var table = new Table().AddColumn("case").AddColumn(new TableColumn("figures").RightAligned()).AddColumn("result");
            foreach (var c in report.Cases)
            {
                string result = c.Passed ? "[green]pass[/]" : "[red]FAIL[/] " + Markup.Escape(string.Join("; ", c.Failures));
                table.AddRow(Markup.Escape(c.Id), c.Checks.ToString(System.Globalization.CultureInfo.InvariantCulture), result);
            }

            context.Console.Write(table);
            foreach (var c in report.Cases.Where(c => !c.Passed))
                context.Console.MarkupLine($"[red]FAIL[/] {Markup.Escape(c.Id)}: {Markup.Escape(string.Join("; ", c.Failures))}");
            Console.Out.WriteLine($"{report.Passed} passed, {report.Failed} failed");
        }

        return report.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
