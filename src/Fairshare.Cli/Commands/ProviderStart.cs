using System.CommandLine;
using Fairshare.Cli.Output;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Agents;

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
        var wait = AgentKeys.WaitOption();
        var budget = ProviderCommand.BudgetOption();
        budget.DefaultValueFactory = _ => 300;
        var command = new Command("start", """
            Run the provider agent against a node over HTTP until Ctrl+C or SIGTERM: bond, register the offer (this
            machine's benchmark score at --price), heartbeat, and for every slot the market assigns fetch the model and
            input, run the job, commit, and reveal. Prints one line per job handled. Retries while the node is briefly
            unreachable; a restarted provider picks its open slots up from the chain.
            """)
        {
            key, devKey, profile, price, capacity, bond, blobs, poll, budget, wait,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var behavior = Behavior(parsed.GetValue(profile)!);
            int slots = parsed.GetValue(capacity), pollMs = parsed.GetValue(poll);
            if (slots is < 1 or > ushort.MaxValue) throw new CliUsageException("--capacity must be between 1 and 65535");
            if (pollMs is < 10 or > 60_000) throw new CliUsageException("--poll-ms must be between 10 and 60000");
            using var shutdown = new ShutdownSignal();
            using var client = new FairshareClient(AgentKeys.NodeUrl(context));
            var gateway = new HttpNodeGateway(client);
            try
            {
                AgentKeys.WaitForNode(gateway, TimeSpan.FromSeconds(parsed.GetValue(wait)), Print, shutdown.Token);
                using var signer = AgentKeys.Resolve(context, gateway, parsed.GetValue(key), parsed.GetValue(devKey), shutdown.Token);
                var state = gateway.StateAsync(shutdown.Token).GetAwaiter().GetResult();
                var perUnit = TxSubmission.ParseAmount(state, AssetId.Fsh, parsed.GetValue(price)!, "--price");
                var selfBond = TxSubmission.ParseAmount(state, AssetId.Fsh, parsed.GetValue(bond)!, "--bond");
                var (hardware, score) = ProviderCommand.Measure(parsed.GetValue(budget));
                var description = $"{hardware.CpuModel}, {hardware.LogicalCores} cores, {hardware.MemoryMb / 1024} GiB";
                var offer = new ProviderOffer(
                    hardware.Gpus.IsEmpty ? DeviceClass.Cpu : DeviceClass.Gpu,
                    (uint)Math.Min(hardware.MemoryMb, uint.MaxValue), score.WorkUnitsPerSecond, perUnit, (ushort)slots, "local", 400, 0,
                    description.Length > 96 ? description[..96] : description);
                var name = parsed.GetValue(devKey) ?? parsed.GetValue(key)!;
                var cache = new BlobStore(parsed.GetValue(blobs) is { } path ? Path.GetFullPath(path) : Path.Combine(context.Data.Root, "provider-blobs"));
                var process = new ProviderProcess(gateway, new ProviderProfile(name, offer, selfBond, 1000, behavior), signer, cache, Print)
                {
                    PollInterval = TimeSpan.FromMilliseconds(pollMs),
                };
                Print($"provider {name} ({signer.Address}) on {client.BaseUrl}, {parsed.GetValue(profile)}, {score.WorkUnitsPerSecond:N0} work units/s at {parsed.GetValue(price)} FSH per work unit; Ctrl+C stops");
                process.RunAsync(shutdown.Token).GetAwaiter().GetResult();
                Print($"stopped at height {process.Height}: {process.JobsHandled} job(s) handled, {process.Agent.Stats.JobsRun} run, {process.Agent.Stats.Failures} failed to run");
                return ExitCodes.Ok;
            }
            catch (GatewayException e)
            {
                return context.Fail(e.Code, e.Message);
            }
            catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
            {
                return ExitCodes.Ok;
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

    private static void Print(string line) => Console.Out.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}");
}
