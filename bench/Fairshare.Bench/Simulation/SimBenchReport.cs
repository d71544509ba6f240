using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Simulation.Rtt;
using Spectre.Console;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>Prints <see cref="SimBenchResult"/>: a table of figures, each beside its peer, or one JSON document.</summary>
public static class SimBenchReport
{
    /// <summary>Prints the result.</summary>
    public static void Print(CliContext context, SimBenchResult r)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(r);
        if (context.Json)
        {
            context.WriteJson(Json(r));
            return;
        }

        var table = new Table().Title($"RTT-1000: {r.Runs} runs × 1,000 steps × 1,000 agents = {r.Transfers:N0} transfers (median of {r.Repetitions})").AddColumns("figure", "value", "beside it");
        table.AddRow("one thread", $"{r.SingleSeconds:N3} s", $"{r.SingleTransfersPerSecond / 1e6:N1} M transfers/s, {r.MicrosPerStep:N1} µs/timestep");
        table.AddRow($"parallel over runs ({r.Parallelism} cores)", $"{r.ParallelSeconds:N3} s", $"{r.ParallelTransfersPerSecond / 1e6:N1} M transfers/s, {r.SingleSeconds / r.ParallelSeconds:N2}× one thread");
        table.AddRow("final-balance hashes", r.HashesMatch ? "[green]all 10 match[/]" : "[red]MISMATCH[/]", "the research note's reference hashes (radCAD, cadCAD, plain Python)");
        if (r.Peer is { } p)
        {
            table.AddRow($"plain Python, measured now ({Markup.Escape(p.Interpreter)})", $"{p.TenRunSeconds:N2} s",
                $"{p.Runs} run(s) in {p.LoopSeconds:N2} s (process {p.ProcessSeconds:N2} s), scaled to 10; hashes {(p.HashesMatch ? "[green]match[/]" : "[red]DIFFER[/]")}; we are {p.TenRunSeconds / r.SingleSeconds:N0}× faster on one thread");
        }
        else
        {
            table.AddRow("plain Python, measured now", "—", Markup.Escape(r.PeerNote ?? ""));
        }

        table.AddRow("radCAD single process (note)", $"{RttReference.RadCadSeconds:N2} s", $"note's figure, 2 vCPU EPYC; we are {r.SpeedUpVsRadCad:N0}× faster on one thread (goal ≥ {RttReference.GoalSpeedUp:N0}×: {(r.SpeedUpVsRadCad >= RttReference.GoalSpeedUp ? "[green]met[/]" : "[red]not met[/]")})");
        table.AddRow("plain Python loop (note)", $"{RttReference.PlainPythonSeconds:N2} s", $"note's figure; we are {RttReference.PlainPythonSeconds / r.SingleSeconds:N0}× faster on one thread");
        context.Console.Write(table);
        if (r.Population is not { } pop) return;
        var population = new Table().Title(Markup.Escape($"population: {pop.Scenario} ({pop.Model}), {pop.Steps:N0} steps per run")).AddColumns("agents", "seconds", "agent-steps/s", "state", "finish (bound)", "peak bound / agent");
        foreach (var point in pop.Points)
            population.AddRow($"{point.Agents:N0}", $"{point.Seconds:N2}", $"{point.AgentStepsPerSecond / 1e6:N1} M", Mib(point.StateBytes), Mib(point.FinishBytes), $"{(double)point.PeakBytes / point.Agents:N1} B");
        context.Console.Write(population);
        context.Console.MarkupLine($"fit: {pop.BytesPerAgent:N1} bytes/agent + {Mib((long)pop.FixedBytes)}; largest population whose {pop.Steps:N0}-step run fits {pop.BudgetBytes / (double)(1L << 30):N0} GiB: "
            + $"[bold]{pop.LargestAgents:N0} agents[/] (≈ {pop.EstimatedSeconds / 60:N0} min at the largest measured rate); process peak working set {Mib(pop.PeakWorkingSetBytes)}");
    }

    private static string Mib(long bytes) => $"{bytes / 1048576.0:N1} MiB";

    private static JsonObject Json(SimBenchResult r)
    {
        var json = new JsonObject
        {
            ["runs"] = r.Runs,
            ["transfers"] = r.Transfers,
            ["repetitions"] = r.Repetitions,
            ["singleSeconds"] = Math.Round(r.SingleSeconds, 4),
            ["parallelSeconds"] = Math.Round(r.ParallelSeconds, 4),
            ["parallelism"] = r.Parallelism,
            ["singleTransfersPerSecond"] = Math.Round(r.SingleTransfersPerSecond),
            ["parallelTransfersPerSecond"] = Math.Round(r.ParallelTransfersPerSecond),
            ["usPerTimestep"] = Math.Round(r.MicrosPerStep, 2),
            ["hashes"] = new JsonArray([.. r.Hashes.Select(h => (JsonNode)h)]),
            ["hashesMatch"] = r.HashesMatch,
            ["noteRadcadSeconds"] = RttReference.RadCadSeconds,
            ["notePlainPythonSeconds"] = RttReference.PlainPythonSeconds,
            ["speedupVsRadcad"] = Math.Round(r.SpeedUpVsRadCad, 1),
            ["goalSpeedup"] = RttReference.GoalSpeedUp,
            ["peer"] = r.Peer is { } p ? new JsonObject
            {
                ["interpreter"] = p.Interpreter,
                ["runs"] = p.Runs,
                ["loopSeconds"] = Math.Round(p.LoopSeconds, 3),
                ["processSeconds"] = Math.Round(p.ProcessSeconds, 3),
                ["tenRunSeconds"] = Math.Round(p.TenRunSeconds, 3),
                ["hashesMatch"] = p.HashesMatch,
                ["speedup"] = Math.Round(p.TenRunSeconds / r.SingleSeconds, 1),
            } : null,
            ["peerNote"] = r.PeerNote,
        };
        if (r.Population is { } pop)
        {
            json["population"] = new JsonObject
            {
                ["scenario"] = pop.Scenario,
                ["model"] = pop.Model,
                ["steps"] = pop.Steps,
                ["points"] = new JsonArray([.. pop.Points.Select(pt => (JsonNode)new JsonObject
                {
                    ["agents"] = pt.Agents,
                    ["seconds"] = Math.Round(pt.Seconds, 3),
                    ["stateBytes"] = pt.StateBytes,
                    ["finishBytes"] = pt.FinishBytes,
                    ["peakBoundBytes"] = pt.PeakBytes,
                })]),
                ["bytesPerAgent"] = Math.Round(pop.BytesPerAgent, 2),
                ["fixedBytes"] = Math.Round(pop.FixedBytes),
                ["budgetBytes"] = pop.BudgetBytes,
                ["largestAgents"] = pop.LargestAgents,
                ["estimatedSecondsAtLargest"] = Math.Round(pop.EstimatedSeconds),
                ["peakWorkingSetBytes"] = pop.PeakWorkingSetBytes,
            };
        }

        return json;
    }
}
