using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Core.Conformance;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare conformance FILE.json</c>: evaluates a spec vector file.</summary>
public static class ConformanceCommand
{
    /// <summary>The operation families that are implemented.</summary>
    public static IReadOnlyList<IVectorOperations> Operations => DefiOperations.All;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "a vector file, e.g. ../shared/spec/vectors/defi-public.json" };
        var command = new Command("conformance", $"""
            Evaluate every case of a vector file (schemas: {string.Join(", ", ConformanceRunner.Schemas)}) and print
            'N passed, N failed' with each failure. Exit 1 when any case fails.
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
        ConformanceReport report;
        try
        {
            report = new ConformanceRunner(Operations).Run(File.ReadAllText(file.FullName));
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
}
