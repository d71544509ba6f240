using System.Text.Json;
using Fairshare.Compute.Runtime;
using Microsoft.Extensions.Logging;

namespace Fairshare.Compute.Sandbox;

/// <summary>
/// The worker process's side of <see cref="ProcessSandbox"/> (the CLI's hidden <c>fairshare provider worker</c>). It
/// writes a hello line, then reads one JSON request per line from its standard input, runs it in an
/// <see cref="InProcessSandbox"/> (which keeps loaded models between jobs: the worker lives as long as it is not
/// killed), and writes one JSON response per line, until its input ends. Nothing else may be written to the output:
/// the host points <c>Console.Out</c> elsewhere first.
/// </summary>
public static partial class SandboxWorker
{
    /// <summary>The protocol version in the hello line.</summary>
    public const int Protocol = 1;

    /// <summary>Serves requests until <paramref name="input"/> ends; returns the process exit code (0).</summary>
    /// <exception cref="JsonException">A line that is not a request (the parent is broken).</exception>
    public static int Serve(TextReader input, TextWriter output, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var sandbox = new InProcessSandbox(logger);
        output.WriteLine(JsonSerializer.Serialize(new WorkerHello(Protocol, Environment.ProcessId), WorkerJson.Default.WorkerHello));
        output.Flush();
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var request = JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerRequest)
                ?? throw new JsonException("a null request");
            var outcome = sandbox.Run(ToJob(request));
            if (logger is not null) LogJob(logger, request.Id, outcome.Error, outcome.Elapsed.TotalMilliseconds);
            var response = new WorkerResponse(request.Id, (int)outcome.Error, outcome.Message, outcome.Elapsed.TotalMilliseconds, outcome.Backend);
            output.WriteLine(JsonSerializer.Serialize(response, WorkerJson.Default.WorkerResponse));
            output.Flush();
        }

        return 0;
    }

    internal static WorkerRequest ToRequest(long id, SandboxJob job) => new(
        id, (int)job.Kind, job.ModelPath, job.InputPath, job.OutputPath, (long)Math.Ceiling(job.Limits.RunTime.TotalMilliseconds),
        job.Limits.MemoryBytes, job.Limits.MaxModelBytes, job.Limits.MaxInputBytes, job.Provider.ToString());

    internal static SandboxJob ToJob(WorkerRequest request)
    {
        if (!ExecutionProvider.TryParse(request.Provider, out var provider)) throw new JsonException($"unknown execution provider '{request.Provider}'");
        return new SandboxJob(
            (ComputeJobKind)request.Kind, request.Model, request.Input, request.Output,
            new JobLimits(TimeSpan.FromMilliseconds(request.RunMs), request.MemoryBytes, request.MaxModelBytes, request.MaxInputBytes), provider);
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Debug, Message = "worker request {Id}: {Error} in {Milliseconds:0.#} ms")]
    private static partial void LogJob(ILogger logger, long id, ComputeError error, double milliseconds);
}
