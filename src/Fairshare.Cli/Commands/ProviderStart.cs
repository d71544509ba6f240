using System.CommandLine;
using Fairshare.Cli.Output;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Sandbox;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Agents;
using Microsoft.Extensions.Logging;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare provider start</c>: the provider agent as its own process. It bonds, registers its offer, heartbeats,
/// runs the jobs the market gives it, commits and reveals, all over the node's HTTP API, until Ctrl+C or SIGTERM.
/// </summary>
public static class ProviderStart
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var key = AgentKeys.KeyOption();
        var devKey = AgentKeys.DevKeyOption();
        var profile = new Option<string>("--profile") { Description = "honest, slow (commits 3-6 blocks late) or cheater (wrong outputs on a quarter of its slots)", DefaultValueFactory = _ => "honest" };
        var price = new Option<string>("--price") { Description = "price per work unit in FSH", DefaultValueFactory = _ => "0.01" };
        var capacity = new Option<int>("--capacity") { Description = "jobs it runs at once", DefaultValueFactory = _ => 4 };
        var bond = new Option<string>("--bond") { Description = "FSH it bonds to its own stake pool", DefaultValueFactory = _ => "1000" };
        var blobs = new Option<string?>("--blobs") { Description = "its local blob cache (default: DATA/provider-blobs)" };
        var poll = new Option<int>("--poll-ms") { Description = "how often it asks the node for a new block", DefaultValueFactory = _ => 100 };
        var inProcess = new Option<bool>("--in-process") { Description = "run jobs in this process instead of a worker process (for debugging: a bad model can then crash the provider)" };
        var wait = AgentKeys.WaitOption();
        var fallbacks = AgentKeys.FallbackNodeOption();
        var budget = ProviderCommand.BudgetOption();
        budget.DefaultValueFactory = _ => 300;
        var logs = new LogOptions();
        var command = new Command("start", """
            Run the provider agent against a node over HTTP until Ctrl+C or SIGTERM: bond, register the offer (this
            machine's benchmark score at --price), heartbeat, and for every slot the market assigns fetch the model and
            input, run the job, commit, and reveal. Prints one line per job handled. Retries while the node is briefly
            unreachable; a restarted provider picks its open slots up from the chain. Jobs run in a worker process
            ('fairshare provider worker') within the limits the chain sets, so a model that runs too long, takes too
            much memory or crashes ends as a job fault, committed like any output; the offer is a GPU offer only when
            ONNX Runtime's CUDA provider loads, and its hardware line names the providers that do. With
            --fallback-node it moves to another validator when the one in use cannot be reached. The lines are log
            events on standard output: --log-level, --log-format (json: one JSON object per line).
            """)
        {
            key, devKey, profile, price, capacity, bond, blobs, poll, budget, wait, inProcess, fallbacks,
        };
        logs.AddTo(command);
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var behavior = Behavior(parsed.GetValue(profile)!);
            int slots = parsed.GetValue(capacity), pollMs = parsed.GetValue(poll);
            if (slots is < 1 or > ushort.MaxValue) throw new CliUsageException("--capacity must be between 1 and 65535");
            if (pollMs is < 10 or > 60_000) throw new CliUsageException("--poll-ms must be between 10 and 60000");
            using var logging = logs.Read(parsed).CreateFactory();
            var log = logging.CreateLogger(CliLog.ProviderCategory);
            void Print(string line) => log.ProviderActivity(line);
            using var shutdown = new ShutdownSignal();
            using var client = new FairshareClient(AgentKeys.NodeUrl(context));
            var gateway = new HttpNodeGateway(client);
            var owned = new List<IDisposable>();
            try
            {
                AgentKeys.WaitForNode(gateway, TimeSpan.FromSeconds(parsed.GetValue(wait)), Print, shutdown.Token);
                using var signer = AgentKeys.Resolve(context, gateway, parsed.GetValue(key), parsed.GetValue(devKey), shutdown.Token);
                var state = gateway.StateAsync(shutdown.Token).GetAwaiter().GetResult();
                var perUnit = TxSubmission.ParseAmount(state, AssetId.Fsh, parsed.GetValue(price)!, "--price");
                var selfBond = TxSubmission.ParseAmount(state, AssetId.Fsh, parsed.GetValue(bond)!, "--bond");
                var (hardware, score) = ProviderCommand.Measure(parsed.GetValue(budget));
                var providers = ExecutionProviders.Detect();
                var (device, description) = ProviderCommand.OfferHardware(hardware, providers);
                var offer = new ProviderOffer(
                    device, (uint)Math.Min(hardware.MemoryMb, uint.MaxValue), score.WorkUnitsPerSecond, perUnit, (ushort)slots, "local", 400, 0, description);
                var market = Core.Modules.Market.MarketStore.Params(state);
                // The worker's managed heap holds a job's blobs, decoded tensors and output: four times the largest model and input.
                long heap = (long)Math.Min((market.MaxModelBytes + market.MaxInputBytes) * 4 + (256UL << 20), long.MaxValue);
                ISandbox sandbox = parsed.GetValue(inProcess)
                    ? new InProcessSandbox()
                    : new ProcessSandbox(ProviderCommand.SandboxWorkerCommand(heap), logging.CreateLogger<ProcessSandbox>());
                var name = parsed.GetValue(devKey) ?? parsed.GetValue(key)!;
                var cache = new BlobStore(parsed.GetValue(blobs) is { } path ? Path.GetFullPath(path) : Path.Combine(context.Data.Root, "provider-blobs"));
                // The process owns the sandbox and disposes it (the worker exits when its input closes).
                var process = new ProviderProcess(AgentKeys.WithFallbacks(gateway, parsed.GetValue(fallbacks), Print, owned), new ProviderProfile(name, offer, selfBond, 1000, behavior), signer, cache, Print, sandbox)
                {
                    PollInterval = TimeSpan.FromMilliseconds(pollMs),
                };
                log.ProviderStarted(name, signer.Address.ToString(), client.BaseUrl.ToString(), parsed.GetValue(profile)!, score.WorkUnitsPerSecond, parsed.GetValue(price)!,
                    parsed.GetValue(inProcess) ? "in this process" : "in a worker process", device.ToString(), description);
                if (!providers.CudaLoads) Print($"CUDA: {providers.Cuda?.Reason}");
                try
                {
                    process.RunAsync(shutdown.Token).GetAwaiter().GetResult();
                    var stats = process.Agent.Stats;
                    log.ProviderStopped(process.Height, process.JobsHandled, stats.JobsRun, stats.JobFaults, stats.Failures);
                    return ExitCodes.Ok;
                }
                finally
                {
                    process.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            catch (GatewayException e)
            {
                return context.Fail(e.Code, e.Message);
            }
            catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
            finally
            {
                foreach (var fallback in owned) fallback.Dispose();
            }
        }));
        return command;
    }

    /// <summary>The behaviour of a <c>--profile</c> name.</summary>
    public static ProviderBehavior Behavior(string profile) => profile switch
    {
        "honest" => ProviderBehavior.Honest,
        "slow" => new ProviderBehavior(DelayBlocks: 3, DelayJitterBlocks: 3, Seed: 7),
        "cheater" => new ProviderBehavior(CheatPpm: 250_000, Seed: 42),
        _ => throw new CliUsageException($"--profile {profile}: choose honest, slow or cheater"),
    };
}
