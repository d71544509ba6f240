using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Agents;
using Fairshare.Agents.Demo;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare client run</c>: the client agent as its own process, running the demo inference workload on a node.</summary>
public static class ClientCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("client", "Use the compute market as a client, over a node's HTTP API.");
        command.Add(Run());
        return command;
    }

    private static Command Run()
    {
        var key = AgentKeys.KeyOption();
        var devKey = AgentKeys.DevKeyOption();
        var jobs = new Option<int>("--jobs") { Description = "inference jobs to submit", DefaultValueFactory = _ => 10 };
        var policy = new Option<string>("--policy") { Description = "spot-check, replicate (2 providers each) or canary (every job has a known answer)", DefaultValueFactory = _ => "spot-check" };
        var deadline = new Option<int>("--deadline-blocks") { Description = "blocks a provider has from assignment to reveal", DefaultValueFactory = _ => 50 };
        var perBlock = new Option<int>("--per-block") { Description = "jobs submitted per block", DefaultValueFactory = _ => 10 };
        var timeout = new Option<int>("--timeout-s") { Description = "give up after this many seconds", DefaultValueFactory = _ => 600 };
        var poll = new Option<int>("--poll-ms") { Description = "how often it asks the node for a new block", DefaultValueFactory = _ => 100 };
        var wait = AgentKeys.WaitOption();
        var fallbacks = AgentKeys.FallbackNodeOption();
        var command = new Command("run", """
            Run the demo inference workload (an ONNX MLP, one input per job) as a client: build the model and inputs
            here, upload them to the node, submit the jobs (escrow locked by the chain), reveal canary answers, and wait
            until every job has ended. Prints the summary: settled, failed, refunded and spent. Exit code 0 only when
            every job settled.
            """)
        {
            key, devKey, jobs, policy, deadline, perBlock, timeout, poll, wait, fallbacks,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            int count = parsed.GetValue(jobs), deadlineBlocks = parsed.GetValue(deadline), batch = parsed.GetValue(perBlock);
            int seconds = parsed.GetValue(timeout), pollMs = parsed.GetValue(poll);
            if (count is < 1 or > 10_000) throw new CliUsageException("--jobs must be between 1 and 10000");
            if (deadlineBlocks is < 1 or > (int)JobSpec.MaxDeadlineBlocks) throw new CliUsageException($"--deadline-blocks must be between 1 and {JobSpec.MaxDeadlineBlocks}");
            if (batch < 1) throw new CliUsageException("--per-block must be at least 1");
            if (seconds < 1) throw new CliUsageException("--timeout-s must be at least 1");
            if (pollMs is < 10 or > 60_000) throw new CliUsageException("--poll-ms must be between 10 and 60000");
            var (verification, replicas) = Policy(parsed.GetValue(policy)!);
            using var shutdown = new ShutdownSignal();
            using var deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Token);
            deadlineSource.CancelAfter(TimeSpan.FromSeconds(seconds));
            using var client = new FairshareClient(AgentKeys.NodeUrl(context));
            var gateway = new HttpNodeGateway(client);
            var owned = new List<IDisposable>();
            string root = Path.Combine(Path.GetTempPath(), "fairshare-client-" + Environment.ProcessId + "-" + DateTime.UtcNow.Ticks);
            try
            {
                Action<string> log = context.Json ? _ => { } : line => Console.Out.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}");
                AgentKeys.WaitForNode(gateway, TimeSpan.FromSeconds(parsed.GetValue(wait)), log, deadlineSource.Token);
                using var signer = AgentKeys.Resolve(context, gateway, parsed.GetValue(key), parsed.GetValue(devKey), deadlineSource.Token);
                var blobs = new BlobStore(Path.Combine(root, "blobs"));
                using var executor = new JobExecutor(blobs);
                var workload = DemoRunner.BuildWorkload(blobs, executor, count);
                ulong start = gateway.HeightAsync(deadlineSource.Token).GetAwaiter().GetResult();
                var plan = workload.Inputs.Select((input, i) => new PlannedJob(
                    start + (ulong)(i / batch),
                    DemoRunner.InferenceSpec(workload.Model, input, workload.WorkUnits, verification, replicas, (uint)deadlineBlocks),
                    verification == VerificationPolicy.Canary ? workload.ReferenceOutputs[input] : null)).ToImmutableArray();
                var name = parsed.GetValue(devKey) ?? parsed.GetValue(key)!;
                var process = new ClientProcess(AgentKeys.WithFallbacks(gateway, parsed.GetValue(fallbacks), log, owned), new ClientProfile(name, plan), signer, blobs, log) { PollInterval = TimeSpan.FromMilliseconds(pollMs) };
                log($"client {name} ({signer.Address}) on {client.BaseUrl}: {count} {parsed.GetValue(policy)} job(s), {workload.ModelDescription}");
                var summary = process.RunAsync(deadlineSource.Token).GetAwaiter().GetResult();
                Print(context, summary, parsed.GetValue(policy)!);
                if (summary.AllSettled) return ExitCodes.Ok;
                if (summary.Open > 0) context.Error.WriteLine(shutdown.Token.IsCancellationRequested ? "stopped before every job ended" : $"{summary.Open} job(s) had not ended after {seconds} s");
                return ExitCodes.Failure;
            }
            catch (GatewayException e)
            {
                return context.Fail(e.Code, e.Message);
            }
            finally
            {
                foreach (var fallback in owned) fallback.Dispose();
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
        }));
        return command;
    }

    private static (VerificationPolicy Policy, byte Replicas) Policy(string name) => name switch
    {
        "spot-check" => (VerificationPolicy.SpotCheck, 1),
        "replicate" => (VerificationPolicy.Replicate, 2),
        "canary" => (VerificationPolicy.Canary, 1),
        _ => throw new CliUsageException($"--policy {name}: choose spot-check, replicate or canary"),
    };

    private static void Print(CliContext context, ClientRunSummary summary, string policy)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["policy"] = policy,
                ["jobs"] = summary.Jobs,
                ["settled"] = summary.Settled,
                ["failed"] = summary.Failed,
                ["cancelled"] = summary.Cancelled,
                ["open"] = summary.Open,
                ["locked"] = summary.Locked.ToDecimalString(18),
                ["spent"] = summary.Spent.ToDecimalString(18),
                ["refunded"] = summary.Refunded.ToDecimalString(18),
                ["height"] = summary.Height,
                ["seconds"] = Math.Round(summary.Elapsed.TotalSeconds, 2),
            });
            return;
        }

        var table = new Table().Title($"client run ({Markup.Escape(policy)})").AddColumns("", "value");
        table.AddRow("jobs", $"{summary.Jobs}");
        table.AddRow("settled", $"{summary.Settled}");
        table.AddRow("failed (escrow refunded)", $"{summary.Failed}");
        table.AddRow("cancelled", $"{summary.Cancelled}");
        if (summary.Open > 0) table.AddRow("[red]not ended[/]", $"{summary.Open}");
        table.AddRow("escrow locked", Fsh(summary.Locked));
        table.AddRow("spent", Fsh(summary.Spent));
        table.AddRow("refunded", Fsh(summary.Refunded));
        table.AddRow("height, wall time", $"{summary.Height}, {summary.Elapsed.TotalSeconds:N1} s");
        context.Console.Write(table);
    }

    private static string Fsh(Amount amount) => TokenText.Fsh(amount);
}
