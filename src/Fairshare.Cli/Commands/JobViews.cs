using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Agents.Jobs;
using Fairshare.Cli.Output;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>How the <c>job</c> verbs print: Spectre tables for people, snake_case JSON with <c>--json</c>. Amounts are FSH with their real decimals.</summary>
internal static class JobViews
{
    /// <summary>"0.0123 FSH".</summary>

    public static void PrintQuote(IAnsiConsole console, JobQuote quote)
    {
        var prepared = quote.Prepared;
        console.MarkupLine($"[green]checks passed[/]: model {Short(prepared.ModelHash)} ({JobChecks.Bytes(prepared.Model.LongLength)}, {Markup.Escape(Describe(prepared))})");
        console.MarkupLine($"   inputs {Short(prepared.InputHash)} ({JobChecks.Bytes(prepared.Input.LongLength)}): {Markup.Escape(Items(prepared.Inputs))}");
        var work = quote.Work;
        string complete = work.Complete ? "" : " [yellow](a lower bound: part of the graph could not be sized)[/]";
        console.MarkupLine($"   work {prepared.WorkUnits:N0} work units ({work.MultiplyAccumulates:N0} multiply-accumulates){complete}");
        var table = new Table().AddColumns("provider", "device", "memory", "score (units/s)", "FSH per unit", "FSH for this job", "est. time", "qualifies");
        foreach (var p in quote.Providers)
        {
            string qualifies = p.Qualifies ? (p.PricePerWorkUnit <= quote.MaxPricePerWorkUnit ? "[green]yes[/]" : "[yellow]above the cap[/]") : $"[grey]{Markup.Escape(p.Reason!)}[/]";
            table.AddRow(Short(p.Provider), p.Device.ToString(), $"{p.MemoryMb / 1024} GiB", p.BenchmarkScore.ToString("N0", CultureInfo.InvariantCulture),
                p.PricePerWorkUnit.ToGroupedString(18), p.JobPrice.ToGroupedString(18), Seconds(p.EstimatedSeconds), qualifies);
        }

        console.Write(table);
        if (quote.CheapestExecution is { } low && quote.DearestExecution is { } high)
        {
            console.MarkupLine($"   one execution costs {TokenText.Fsh(low)} to {TokenText.Fsh(high)}; the policy needs {quote.Executions} at most (about {quote.ExpectedExecutions:0.##} on average)");
        }

        console.MarkupLine($"   cap {TokenText.Fsh(quote.MaxPricePerWorkUnit)} per work unit: submitting locks [bold]{TokenText.Fsh(quote.Escrow)}[/] in escrow (what is not paid out is refunded)");
    }

    public static JsonObject Quote(JobQuote quote)
    {
        var prepared = quote.Prepared;
        return new JsonObject
        {
            ["model"] = prepared.ModelHash.ToString(),
            ["modelBytes"] = prepared.Model.LongLength,
            ["input"] = prepared.InputHash.ToString(),
            ["inputBytes"] = prepared.Input.LongLength,
            ["layout"] = prepared.Inputs.Layout.ToString().ToLowerInvariant(),
            ["items"] = prepared.Inputs.Items.Length,
            ["inputs"] = new JsonArray([.. prepared.Signature.Inputs.Select(i => (JsonNode)Tensor(i))]),
            ["outputs"] = new JsonArray([.. prepared.Signature.Outputs.Select(o => (JsonNode)Tensor(o))]),
            ["workUnits"] = prepared.WorkUnits,
            ["multiplyAccumulates"] = quote.Work.MultiplyAccumulates,
            ["estimateComplete"] = quote.Work.Complete,
            ["executions"] = quote.Executions,
            ["expectedExecutions"] = quote.ExpectedExecutions,
            ["maxPricePerWorkUnit"] = quote.MaxPricePerWorkUnit.ToDecimalString(18),
            ["escrow"] = quote.Escrow.ToDecimalString(18),
            ["cheapestExecution"] = quote.CheapestExecution?.ToDecimalString(18),
            ["dearestExecution"] = quote.DearestExecution?.ToDecimalString(18),
            ["height"] = quote.Height,
            ["providers"] = new JsonArray([.. quote.Providers.Select(p => (JsonNode)new JsonObject
            {
                ["provider"] = p.Provider.ToString(),
                ["status"] = ProviderEligibility.Name(p.Status),
                ["fits"] = p.Fits,
                ["qualifies"] = p.Qualifies && p.PricePerWorkUnit <= quote.MaxPricePerWorkUnit,
                ["device"] = p.Device.ToString().ToLowerInvariant(),
                ["memoryMb"] = p.MemoryMb,
                ["benchmarkScore"] = p.BenchmarkScore,
                ["pricePerWorkUnit"] = p.PricePerWorkUnit.ToDecimalString(18),
                ["jobPrice"] = p.JobPrice.ToDecimalString(18),
                ["estimatedSeconds"] = Math.Round(p.EstimatedSeconds, 6),
                ["hardware"] = p.Hardware,
            })]),
        };
    }

    public static void PrintSubmitted(IAnsiConsole console, SubmittedJob job)
    {
        console.MarkupLine($"[green]ok[/] job [bold]{job.Id}[/] submitted in block {job.Height}: {job.Quote.Prepared.WorkUnits:N0} work units, cap {TokenText.Fsh(job.Quote.MaxPricePerWorkUnit)} per unit, {TokenText.Fsh(job.Quote.Escrow)} locked in escrow");
        console.MarkupLine($"   tx [grey]{job.Transaction}[/]; follow it with 'fairshare job status {job.Id} --wait', fetch it with 'fairshare job result {job.Id} --out DIR'");
    }

    public static JsonObject Submitted(SubmittedJob job) => new()
    {
        ["job"] = job.Id,
        ["tx"] = job.Transaction.ToString(),
        ["height"] = job.Height,
        ["workUnits"] = job.Quote.Prepared.WorkUnits,
        ["maxPricePerWorkUnit"] = job.Quote.MaxPricePerWorkUnit.ToDecimalString(18),
        ["escrow"] = job.Quote.Escrow.ToDecimalString(18),
        ["model"] = job.Quote.Prepared.ModelHash.ToString(),
        ["input"] = job.Quote.Prepared.InputHash.ToString(),
    };

    public static void PrintStatus(IAnsiConsole console, JobStatus status)
    {
        var job = status.Job;
        console.MarkupLine($"job [bold]{job.Id}[/]: [bold]{status.Phase.ToString().ToLowerInvariant()}[/] at block {status.Height} (client {Short(job.Client)}, {Policy(job.Spec)}, {job.Spec.WorkUnits:N0} work units)");
        console.MarkupLine($"   escrow locked {TokenText.Fsh(job.Locked)}, paid {TokenText.Fsh(job.Paid)}, refunded {TokenText.Fsh(job.Refunded)}, still held {TokenText.Fsh(job.Escrow)}");
        if (!job.AcceptedOutput.IsZero) console.MarkupLine($"   accepted output {job.AcceptedOutput}");
        if (job.Slots.Length == 0) return;
        var table = new Table().AddColumns("slot", "provider", "role", "status", "assigned", "deadline", "price", "paid", "slashed");
        for (int i = 0; i < job.Slots.Length; i++)
        {
            var s = job.Slots[i];
            table.AddRow(i.ToString(CultureInfo.InvariantCulture), Short(s.Provider), s.Role.ToString(), s.Status.ToString(), s.AssignedHeight.ToString(CultureInfo.InvariantCulture),
                s.DeadlineHeight.ToString(CultureInfo.InvariantCulture), s.Price.ToGroupedString(18), s.Paid.ToGroupedString(18), s.Slashed.ToGroupedString(18));
        }

        console.Write(table);
    }

    public static JsonObject Status(JobStatus status)
    {
        var json = Job(status.Job);
        json["phase"] = status.Phase.ToString().ToLowerInvariant();
        json["height"] = status.Height;
        return json;
    }

    public static JsonObject Job(Job job) => new()
    {
        ["id"] = job.Id,
        ["client"] = job.Client.ToString(),
        ["state"] = job.State.ToString().ToLowerInvariant(),
        ["phase"] = JobStatus.PhaseOf(job).ToString().ToLowerInvariant(),
        ["policy"] = Policy(job.Spec),
        ["workUnits"] = job.Spec.WorkUnits,
        ["maxPricePerWorkUnit"] = job.Spec.MaxPricePerWorkUnit.ToDecimalString(18),
        ["model"] = job.Spec.Model.ToString(),
        ["input"] = job.Spec.Input.ToString(),
        ["locked"] = job.Locked.ToDecimalString(18),
        ["paid"] = job.Paid.ToDecimalString(18),
        ["refunded"] = job.Refunded.ToDecimalString(18),
        ["acceptedOutput"] = job.AcceptedOutput.IsZero ? null : job.AcceptedOutput.ToString(),
        ["createdHeight"] = job.CreatedHeight,
        ["closedHeight"] = job.ClosedHeight == 0 ? null : job.ClosedHeight,
        ["slots"] = new JsonArray([.. job.Slots.Select(s => (JsonNode)new JsonObject
        {
            ["provider"] = s.Provider.ToString(),
            ["role"] = s.Role.ToString().ToLowerInvariant(),
            ["status"] = s.Status.ToString().ToLowerInvariant(),
            ["assignedHeight"] = s.AssignedHeight,
            ["deadlineHeight"] = s.DeadlineHeight,
            ["price"] = s.Price.ToDecimalString(18),
            ["paid"] = s.Paid.ToDecimalString(18),
            ["earned"] = s.Earned.ToDecimalString(18),
            ["slashed"] = s.Slashed.ToDecimalString(18),
            ["outputHash"] = s.OutputHash.IsZero ? null : s.OutputHash.ToString(),
        })]),
    };

    public static void PrintResult(IAnsiConsole console, JobResult result, IReadOnlyList<string> files)
    {
        var job = result.Job;
        int agreeing = result.ComputedBy.Count();
        console.MarkupLine($"[green]settled[/] job [bold]{job.Id}[/] in block {job.ClosedHeight}: output {Short(result.OutputHash)} verified ({Policy(job.Spec)}, {agreeing} provider(s) revealed it)");
        console.MarkupLine($"   paid {TokenText.Fsh(job.Paid)} (protocol fee included), refunded {TokenText.Fsh(job.Refunded)} of {TokenText.Fsh(job.Locked)} locked");
        foreach (var item in result.Outputs.Items)
        {
            foreach (var tensor in item.Tensors)
            {
                string name = result.Outputs.Layout == JobLayout.Single ? tensor.Name : $"{item.Name}/{tensor.Name}";
                console.MarkupLine($"   {Markup.Escape(name)}: {tensor.Type.ToString().ToLowerInvariant()} {Markup.Escape(tensor.ShapeText)}");
            }
        }

        foreach (var file in files) console.MarkupLine($"   wrote {Markup.Escape(file)}");
    }

    public static JsonObject Result(JobResult result, IReadOnlyList<string> files) => new()
    {
        ["job"] = result.Job.Id,
        ["state"] = result.Job.State.ToString().ToLowerInvariant(),
        ["output"] = result.OutputHash.ToString(),
        ["computedBy"] = new JsonArray([.. result.ComputedBy.Select(a => (JsonNode)a.ToString())]),
        ["paid"] = result.Job.Paid.ToDecimalString(18),
        ["refunded"] = result.Job.Refunded.ToDecimalString(18),
        ["layout"] = result.Outputs.Layout.ToString().ToLowerInvariant(),
        ["outputs"] = new JsonArray([.. result.Outputs.Items.SelectMany(i => i.Tensors.Select(t => (JsonNode)new JsonObject
        {
            ["item"] = i.Name,
            ["name"] = t.Name,
            ["dtype"] = t.Type.ToString().ToLowerInvariant(),
            ["shape"] = new JsonArray([.. t.Shape.Select(d => (JsonNode)d)]),
        }))]),
        ["files"] = new JsonArray([.. files.Select(f => (JsonNode)f)]),
    };

    public static void PrintList(IAnsiConsole console, IReadOnlyList<Job> jobs)
    {
        if (jobs.Count == 0)
        {
            console.MarkupLine("No jobs yet. Price one with 'fairshare job quote --model M.onnx --input x=x.npy'.");
            return;
        }

        var table = new Table().AddColumns("id", "client", "phase", "policy", "work units", "locked", "paid", "refunded", "block");
        foreach (var job in jobs)
        {
            table.AddRow(job.Id.ToString(CultureInfo.InvariantCulture), Short(job.Client), JobStatus.PhaseOf(job).ToString().ToLowerInvariant(), Policy(job.Spec),
                job.Spec.WorkUnits.ToString("N0", CultureInfo.InvariantCulture), job.Locked.ToGroupedString(18), job.Paid.ToGroupedString(18),
                job.Refunded.ToGroupedString(18), job.CreatedHeight.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    private static string Describe(PreparedJob prepared)
    {
        var signature = prepared.Signature;
        return $"inputs {string.Join(", ", signature.Inputs.Select(Tensor))}; outputs {string.Join(", ", signature.Outputs.Select(Tensor))}";
    }

    private static string Tensor(Compute.Models.Inspection.ModelTensor tensor) => $"{tensor.Name} {tensor.TypeText} {tensor.ShapeText}";

    private static string Items(JobTensors inputs) => inputs.Layout switch
    {
        JobLayout.Single => string.Join(", ", inputs.Items[0].Tensors.Select(t => $"{t.Name} {t.Type.ToString().ToLowerInvariant()} {t.ShapeText}")),
        JobLayout.Stacked => $"a batch of {inputs.Items.Length} split into items (the model fixes its batch size)",
        _ => $"{inputs.Items.Length} items ({string.Join(", ", inputs.Items.Take(3).Select(i => i.Name))}{(inputs.Items.Length > 3 ? ", …" : "")})",
    };

    private static string Policy(JobSpec spec) => spec.Policy switch
    {
        VerificationPolicy.Replicate => $"replicate ×{spec.Replicas}",
        VerificationPolicy.SpotCheck => "spot-check",
        _ => "canary",
    };

    private static string Seconds(double seconds) => seconds switch
    {
        < 1 => $"{seconds * 1000:0.#} ms",
        < 120 => $"{seconds:0.##} s",
        _ => $"{seconds / 60:0.#} min",
    };

    private static string Short(Hash32 hash) => hash.ToString()[..12] + "…";

    private static string Short(Address address)
    {
        string text = address.ToString();
        return text.Length > 16 ? text[..14] + "…" : text;
    }
}
