using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Testnet;
using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Hardware;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Sandbox;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare provider detect|register|start</c>: what this machine offers, putting that offer on the chain, and the
/// agent; the hidden <c>provider worker</c> is the sandbox's worker process (<see cref="SandboxWorker"/>).
/// </summary>
public static class ProviderCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("provider", """
            Offer this machine's compute. 'start' runs the provider agent as its own process against a node over HTTP. 'detect' shows the hardware and the standard benchmark score (work units per
            second; 1 work unit = 10^6 multiply-adds) without touching the chain; 'register' sends the offer. A provider
            must first bond at least stake.min-self-bond FSH ('fairshare stake bond'). Run 'fairshare demo' to watch
            providers take, run, commit, reveal and get paid for jobs.
            """);
        command.Add(Detect());
        command.Add(Register());
        command.Add(ProviderStart.Create());
        command.Add(Worker());
        return command;
    }

    /// <summary>How the process sandbox starts this executable as its worker (<c>fairshare provider worker</c>).</summary>
    public static WorkerCommand SandboxWorkerCommand(long? managedHeapLimitBytes = null)
    {
        var cli = CliApp.Launcher();
        return new WorkerCommand(cli.FileName, cli.Arguments(["provider", "worker"]), managedHeapLimitBytes);
    }

    private static Command Worker()
    {
        var command = new Command("worker", "The sandbox's worker process: JSON requests on standard input, answers on standard output.") { Hidden = true };
        command.SetAction(_ =>
        {
            // Standard output carries the protocol only: anything else that writes to Console.Out goes to stderr.
            using var protocol = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false));
            using var requests = new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false));
            Console.SetOut(Console.Error);
            return SandboxWorker.Serve(requests, protocol);
        });
        return command;
    }

    private static Command Detect()
    {
        var budget = BudgetOption();
        var command = new Command("detect", """
            Detect the CPU, memory and NVIDIA GPUs (nvidia-smi), which ONNX Runtime execution providers load here (each is
            tried on a tiny model; for those that do not, why), and run the standard benchmark.
            """) { budget };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var (hardware, score) = Measure(parsed.GetValue(budget));
            var providers = ExecutionProviders.Detect();
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["cpu"] = hardware.CpuModel,
                    ["logicalCores"] = hardware.LogicalCores,
                    ["memoryMb"] = hardware.MemoryMb,
                    ["avx2"] = hardware.Avx2,
                    ["avx512"] = hardware.Avx512,
                    ["gpus"] = new JsonArray([.. hardware.Gpus.Select(g => (JsonNode)g.Name)]),
                    ["workUnitsPerSecond"] = score.WorkUnitsPerSecond,
                    ["executionProviders"] = new JsonArray([.. providers.Providers.Select(p => (JsonNode)new JsonObject
                    {
                        ["provider"] = p.Provider.ToString(),
                        ["inBuild"] = p.InBuild,
                        ["loads"] = p.Loads,
                        ["reason"] = p.Reason,
                        ["device"] = p.Device,
                    })]),
                });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("what", "detected");
            table.AddRow("CPU", Markup.Escape(hardware.CpuModel));
            table.AddRow("logical cores", $"{hardware.LogicalCores}");
            table.AddRow("memory", $"{hardware.MemoryMb / 1024.0:N1} GiB");
            table.AddRow("vector units", (hardware.Avx512 ? "AVX-512" : hardware.Avx2 ? "AVX2" : "no AVX2") + " (ONNX Runtime picks its kernels by these)");
            table.AddRow("NVIDIA GPUs", hardware.Gpus.IsEmpty ? "none (nvidia-smi not found or no device)" : Markup.Escape(string.Join(", ", hardware.Gpus.Select(g => g.Name))));
            foreach (var p in providers.Providers)
            {
                string name = p.Provider.Kind == ExecutionProviderKind.Cuda ? "ONNX Runtime CUDA" : "ONNX Runtime CPU";
                table.AddRow(name, Markup.Escape(p.Loads ? $"loads ({p.Device})" : $"does not load: {p.Reason}"));
            }

            table.AddRow("standard benchmark", $"{score.WorkUnitsPerSecond:N0} work units/s");
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Register()
    {
        var from = new Option<string>("--from") { Description = "the provider's key name", Required = true };
        var price = new Option<string>("--price") { Description = "price per work unit in FSH, e.g. 0.01", Required = true };
        var capacity = new Option<int>("--capacity") { Description = "jobs it runs at once", DefaultValueFactory = _ => 2 };
        var region = new Option<string>("--region") { Description = "where the machine is (≤ 16 ASCII characters)", DefaultValueFactory = _ => "unknown" };
        var renewable = new Option<int>("--renewable") { Description = "share of its energy from renewables, percent", DefaultValueFactory = _ => 0 };
        var co2 = new Option<int>("--grams-co2") { Description = "grid intensity, grams CO2 per kWh", DefaultValueFactory = _ => 400 };
        var budget = BudgetOption();
        var fee = TransferCommand.FeeOption();
        var command = new Command("register", "Detect and benchmark this machine, then register (or replace) the offer of --from.")
        {
            from, price, capacity, region, renewable, co2, budget, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            int slots = parsed.GetValue(capacity), green = parsed.GetValue(renewable), grams = parsed.GetValue(co2);
            string where = parsed.GetValue(region)!;
            if (slots is < 1 or > ushort.MaxValue) throw new CliUsageException("--capacity must be between 1 and 65535");
            if (green is < 0 or > 100) throw new CliUsageException("--renewable must be a percentage, 0 to 100");
            if (grams < 0) throw new CliUsageException("--grams-co2 must not be negative");
            if (where.Length is 0 or > 16 || where.Any(c => c > 127)) throw new CliUsageException("--region must be 1 to 16 ASCII characters");
            using var chain = ChainAccess.Open(context);
            var perUnit = TxSubmission.ParseAmount(chain.State, AssetId.Fsh, parsed.GetValue(price)!, "--price");
            var (hardware, score) = Measure(parsed.GetValue(budget));
            var (device, description) = OfferHardware(hardware, ExecutionProviders.Detect());
            var offer = new ProviderOffer(
                device, (uint)Math.Min(hardware.MemoryMb, uint.MaxValue), score.WorkUnitsPerSecond, perUnit, (ushort)slots, where, (uint)grams, (byte)green, description);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new MarketRegisterPayload(offer), parsed.GetValue(fee),
                () => $"registered {key.Address}: {score.WorkUnitsPerSecond:N0} work units/s at {parsed.GetValue(price)} FSH per work unit, {slots} slots");
        }));
        return command;
    }

    /// <summary>
    /// What an offer says about the machine: <see cref="DeviceClass.Gpu"/> only when ONNX Runtime's CUDA provider
    /// actually loads (a GPU that nvidia-smi sees but jobs cannot use is no GPU offer), and the hardware line with the
    /// execution providers that load, e.g. <c>AMD EPYC, 2 cores, 23 GiB, AVX-512, ORT CPU</c>, cut to 96 UTF-8 bytes.
    /// </summary>
    public static (DeviceClass Device, string Hardware) OfferHardware(HardwareProfile hardware, ExecutionProviderReport providers)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(providers);
        return (providers.CudaLoads ? DeviceClass.Gpu : DeviceClass.Cpu, hardware.Summary(96, [providers.LoadedSummary()]));
    }

    /// <summary>The <c>--benchmark-ms</c> option.</summary>
    public static Option<int> BudgetOption() =>
        new("--benchmark-ms") { Description = "how long the standard benchmark runs, in milliseconds", DefaultValueFactory = _ => 1000 };

    /// <summary>Detects the hardware and runs the standard benchmark for <paramref name="budgetMs"/> milliseconds.</summary>
    public static (HardwareProfile Hardware, BenchmarkScore Score) Measure(int budgetMs)
    {
        if (budgetMs is < 100 or > 60_000) throw new CliUsageException("--benchmark-ms must be between 100 and 60000");
        return (HardwareProbe.Detect(), StandardBenchmark.Run(null, TimeSpan.FromMilliseconds(budgetMs)));
    }
}
