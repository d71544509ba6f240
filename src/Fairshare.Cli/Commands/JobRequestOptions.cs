using System.CommandLine;
using System.Globalization;
using Fairshare.Agents.Jobs;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Commands;

/// <summary>The options that describe a job (<c>job quote</c> and <c>job submit</c>), and the request they make.</summary>
internal sealed class RequestOptions
{
    private readonly Option<string> _model = new("--model") { Description = "the ONNX model file", Required = true };

    private readonly Option<string[]> _inputs = new("--input")
    {
        Description = "NAME=FILE.npy for each model input, an .npz of named arrays, NAME=DIR of .npy files or a DIR of .npz files (one job item per file); repeat for each input",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string> _policy = new("--policy") { Description = "how the output is verified: spot-check, replicate or canary", DefaultValueFactory = _ => "spot-check" };
    private readonly Option<int?> _replicas = new("--replicas") { Description = "with --policy replicate: providers that run it at once (2 to 5; default 2)" };
    private readonly Option<string?> _maxPrice = new("--max-price") { Description = "the most FSH per work unit you pay (default: the dearest qualifying offer; you pay each provider's own price)" };
    private readonly Option<string?> _budget = new("--budget") { Description = "instead of --max-price: the most FSH the job may lock in escrow" };
    private readonly Option<int> _deadline = new("--deadline-blocks") { Description = "blocks each provider has to deliver after it is assigned", DefaultValueFactory = _ => (int)JobRequest.DefaultDeadlineBlocks };
    private readonly Option<string> _requires = new("--requires") { Description = "the device: any, cpu or gpu", DefaultValueFactory = _ => "any" };
    private readonly Option<string?> _minMemory = new("--min-memory") { Description = $"GiB a provider must offer, and the most a run may use (default {JobRequest.DefaultMinMemoryMb / 1024})" };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Add(_model);
        command.Add(_inputs);
        command.Add(_policy);
        command.Add(_replicas);
        command.Add(_maxPrice);
        command.Add(_budget);
        command.Add(_deadline);
        command.Add(_requires);
        command.Add(_minMemory);
    }

    /// <summary>The request the parsed options describe; files are read here (a missing one is a <see cref="JobException"/>).</summary>
    public JobRequest Request(ParseResult parsed)
    {
        var (policy, replicas) = Policy(parsed.GetValue(_policy)!, parsed.GetValue(_replicas));
        int deadline = parsed.GetValue(_deadline);
        if (deadline < 1 || deadline > JobSpec.MaxDeadlineBlocks) throw new CliUsageException($"--deadline-blocks must be between 1 and {JobSpec.MaxDeadlineBlocks}");
        var maxPrice = Fsh(parsed.GetValue(_maxPrice), "--max-price");
        var budget = Fsh(parsed.GetValue(_budget), "--budget");
        if (maxPrice is not null && budget is not null) throw new CliUsageException("give either --max-price or --budget, not both");
        string modelPath = parsed.GetValue(_model)!;
        byte[] model;
        try
        {
            model = File.ReadAllBytes(modelPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobException(JobErrors.FileUnreadable, $"cannot read the model '{modelPath}': {e.Message}", e);
        }

        return new JobRequest(model, JobInputFiles.Load(parsed.GetValue(_inputs) ?? []))
        {
            Policy = policy,
            Replicas = replicas,
            MaxPricePerWorkUnit = maxPrice,
            Budget = budget,
            DeadlineBlocks = (uint)deadline,
            Device = Device(parsed.GetValue(_requires)!),
            MinMemoryMb = MemoryMb(parsed.GetValue(_minMemory)),
        };
    }

    private static (VerificationPolicy Policy, byte Replicas) Policy(string text, int? replicas)
    {
        var policy = text.ToLowerInvariant() switch
        {
            "spot-check" or "spotcheck" => VerificationPolicy.SpotCheck,
            "replicate" => VerificationPolicy.Replicate,
            "canary" => VerificationPolicy.Canary,
            _ => throw new CliUsageException($"--policy {text}: choose spot-check, replicate or canary"),
        };
        if (policy != VerificationPolicy.Replicate)
        {
            return replicas is null or 1 ? (policy, (byte)1) : throw new CliUsageException($"--replicas applies to --policy replicate only");
        }

        int count = replicas ?? 2;
        return count is >= JobSpec.MinReplicas and <= JobSpec.MaxReplicas
            ? (policy, (byte)count)
            : throw new CliUsageException($"--replicas must be between {JobSpec.MinReplicas} and {JobSpec.MaxReplicas}");
    }

    private static DeviceClass Device(string text) => text.ToLowerInvariant() switch
    {
        "any" => DeviceClass.Any,
        "cpu" => DeviceClass.Cpu,
        "gpu" => DeviceClass.Gpu,
        _ => throw new CliUsageException($"--requires {text}: choose any, cpu or gpu"),
    };

    private static uint MemoryMb(string? gib)
    {
        if (gib is null) return JobRequest.DefaultMinMemoryMb;
        if (!decimal.TryParse(gib, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 4096)
            throw new CliUsageException($"--min-memory {gib}: give GiB as a positive number up to 4096, e.g. 2 or 0.5");
        return (uint)Math.Ceiling(value * 1024);
    }

    private static Amount? Fsh(string? text, string option)
    {
        if (text is null) return null;
        if (!Amount.TryParseDecimal(text, 18, out var amount)) throw new CliUsageException($"{option} '{text}' is not an amount of FSH (digits, optionally '.' and at most 18 decimals)");
        return amount.IsZero ? throw new CliUsageException($"{option} must be positive") : amount;
    }
}
