using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Cli.Sim;
using Fairshare.Simulation.Runs;
using Fairshare.Simulation.Scenarios;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare sim run|compare|list</c>: seeded Monte Carlo runs of a scenario, sweeps, comparisons and outputs.</summary>
public static class SimCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("sim", """
            Simulate a scenario: seeded, reproducible Monte Carlo runs of a model (rtt: the RTT-1000 peer benchmark;
            economy: agents on the real Core modules), in parallel, with parameter sweeps, tables, CSV/Parquet and plots.
            A scenario is a path to a .json file or the name of a shipped one ('fairshare sim list').
            """);
        command.Add(CreateRun());
        command.Add(CreateCompare());
        command.Add(CreateList());
        return command;
    }

    private static Argument<string> ScenarioArgument() => new("scenario") { Description = "a scenario file (.json) or a shipped scenario's name, e.g. rtt-1000" };

    private static Option<int?> RunsOption() => new("--runs") { Description = "Monte Carlo runs per parameter point (default: the scenario's)" };

    private static Option<int?> StepsOption() => new("--steps") { Description = "timesteps per run (default: the scenario's)" };

    private static Option<string?> SeedOption() => new("--seed") { Description = "the scenario seed, decimal or 0x-hex (default: the scenario's); run seeds follow from it and the run number" };

    private static Option<int> ParallelOption() => new("--parallel")
    {
        Description = "runs at once (default: the number of cores); the results do not depend on it",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private static Option<string?> OutOption() => new("--out")
    {
        Description = "write runs, summary and series as CSV and Parquet, and the plots as PNG and SVG, into this folder",
    };

    private static Command CreateRun()
    {
        var scenario = ScenarioArgument();
        var runs = RunsOption();
        var steps = StepsOption();
        var seed = SeedOption();
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "sweep a model parameter over values, NAME=V1,V2,… (repeat for a Cartesian product), e.g. --sweep agents=100,1000",
        };
        var parallel = ParallelOption();
        var output = OutOption();
        var run = new Command("run", """
            Run a scenario: every run seeded from the scenario seed and its number (identical on every machine and at
            any --parallel), a summary per parameter point (mean, min, max; p5/p95 from 20 runs) and each run's
            final-state fingerprint. Example: fairshare sim run rtt-1000 --out results/
            """)
        {
            scenario, runs, steps, seed, sweep, parallel, output,
        };
        run.SetAction(parsed => CliApp.Run(parsed, context => Guarded(context, () =>
        {
            var sweeps = (parsed.GetValue(sweep) ?? []).Select(SweepAxis.Parse).ToImmutableArray();
            var options = new ExperimentOptions(parsed.GetValue(runs), parsed.GetValue(steps), Seed(parsed.GetValue(seed)), sweeps);
            var file = ShippedScenarios.Resolve(parsed.GetValue(scenario)!);
            var plan = ExperimentPlan.Create(file, ModelRegistry.Default, options);
            var (result, elapsed) = Execute(context, plan, Parallelism(parsed.GetValue(parallel)));
            var files = Write(result, file.CompareMetrics, parsed.GetValue(output));
            SimReport.PrintRun(context, result, files, elapsed);
            return ExitCodes.Ok;
        })));
        return run;
    }

    private static Command CreateCompare()
    {
        var scenario = ScenarioArgument();
        var variants = new Option<string?>("--variants") { Description = "the variants to compare, comma-separated, the first as the baseline (default: all of the scenario's, in file order)" };
        var runs = RunsOption();
        var steps = StepsOption();
        var seed = SeedOption();
        var parallel = ParallelOption();
        var output = OutOption();
        var compare = new Command("compare", """
            Run every variant of a scenario on the same seeds (common random numbers) and print one table: rows are
            the scenario's compare_metrics, columns the variants (mean over runs), each with its change against the
            first variant in %. Example: fairshare sim compare rtt-1000 --variants base,fine --runs 4
            """)
        {
            scenario, variants, runs, steps, seed, parallel, output,
        };
        compare.SetAction(parsed => CliApp.Run(parsed, context => Guarded(context, () =>
        {
            var names = (parsed.GetValue(variants) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
            var options = new ExperimentOptions(parsed.GetValue(runs), parsed.GetValue(steps), Seed(parsed.GetValue(seed)), [], names);
            var file = ShippedScenarios.Resolve(parsed.GetValue(scenario)!);
            var plan = ExperimentPlan.Create(file, ModelRegistry.Default, options);
            var (result, elapsed) = Execute(context, plan, Parallelism(parsed.GetValue(parallel)));
            var metrics = CompareMetrics(file, result);
            var files = Write(result, metrics, parsed.GetValue(output));
            SimReport.PrintCompare(context, result, metrics, files, elapsed);
            return ExitCodes.Ok;
        })));
        return compare;
    }

    private static Command CreateList()
    {
        var list = new Command("list", "List the shipped scenarios (usable by name) with their model, size and description.");
        list.SetAction(parsed => CliApp.Run(parsed, context => Guarded(context, () =>
        {
            var all = ShippedScenarios.All.ToList();
            if (context.Json)
            {
                context.WriteJson(new JsonArray([.. all.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["model"] = s.Model,
                    ["steps"] = s.Steps,
                    ["runs"] = s.Runs,
                    ["variants"] = new JsonArray([.. s.Variants.Select(v => (JsonNode)v.Name)]),
                    ["description"] = s.Description,
                })]));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("scenario", "model", "steps × runs", "variants", "description");
            foreach (var s in all)
                table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Model), $"{s.Steps:N0} × {s.Runs:N0}", Markup.Escape(string.Join(", ", s.Variants.Select(v => v.Name))), Markup.Escape(s.Description));
            context.Console.Write(table);
            return ExitCodes.Ok;
        })));
        return list;
    }

    private static int Guarded(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ScenarioException e)
        {
            return context.Fail(e.Code, e.Message);
        }
        catch (OperationCanceledException)
        {
            return context.Fail("cancelled", "the simulation was interrupted; nothing was written");
        }
    }

    private static ulong? Seed(string? text)
    {
        if (text is null) return null;
        return ScenarioLoader.TryParseSeed(text, out ulong seed) ? seed : throw new CliUsageException($"--seed '{text}' must be a whole number from 0 to 2^64 − 1, decimal or 0x-hex");
    }

    private static int Parallelism(int parallel) =>
        parallel >= 1 ? parallel : throw new CliUsageException($"--parallel must be at least 1, not {parallel}");

    private static ImmutableArray<string> CompareMetrics(ScenarioFile file, ExperimentResult result)
    {
        if (file.CompareMetrics.IsEmpty) return result.MetricNames;
        var unknown = file.CompareMetrics.Where(m => !result.MetricNames.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new ScenarioException(ScenarioErrors.Malformed, $"{file.Name}: compare_metrics names {string.Join(", ", unknown)}, which model '{file.Model}' does not report; its metrics are: {string.Join(", ", result.MetricNames)}");
        return file.CompareMetrics;
    }

    private static ImmutableArray<string> Write(ExperimentResult result, ImmutableArray<string> barMetrics, string? directory) =>
        string.IsNullOrWhiteSpace(directory) ? [] : SimOutputs.WriteAsync(result, barMetrics, Path.GetFullPath(directory)).GetAwaiter().GetResult();

    private static (ExperimentResult Result, TimeSpan Elapsed) Execute(CliContext context, ExperimentPlan plan, int parallelism)
    {
        using var shutdown = new ShutdownSignal();
        var runner = new SimulationRunner(parallelism);
        var clock = Stopwatch.StartNew();
        if (context.Json || Console.IsOutputRedirected) return (runner.Run(plan, null, shutdown.Token), clock.Elapsed);
        ExperimentResult result = null!;
        context.Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape($"{plan.Scenario.Name}: {plan.TotalRuns:N0} run(s) × {plan.Steps:N0} steps"), maxValue: plan.TotalSteps);
                result = runner.Run(plan, done => task.Value = done, shutdown.Token);
                task.Value = task.MaxValue;
            });
        return (result, clock.Elapsed);
    }
}
