using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fairshare.Compute.Sandbox;

/// <summary>
/// Runs jobs in a long-lived worker process (<see cref="SandboxWorker"/>), one JSON line each way, so a model that
/// crashes or exhausts the runtime takes down the worker, never the provider. The worker stops a run at its limits
/// itself; this side is the backstop: it polls the worker's resident memory (<c>/proc/PID/status</c>) and kills the
/// worker and its whole process tree (SIGKILL) past the memory limit plus <see cref="MemoryMargin"/>, or when no
/// answer came <see cref="KillGrace"/> after the time limit; the job then ends with
/// <see cref="ComputeError.MemoryLimitExceeded"/> or <see cref="ComputeError.RunTimeExceeded"/>, and a fresh worker is
/// started. A worker that dies on its own mid-job is replaced and the job given to the new one once; a second death
/// is <see cref="ComputeError.WorkerCrashed"/>. A worker that cannot be started at all is
/// <see cref="ComputeError.WorkerUnavailable"/>, the provider's own problem. Jobs run one at a time.
/// </summary>
public sealed partial class ProcessSandbox : ISandbox
{
    private const int Attempts = 2;

    private readonly WorkerCommand _command;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Worker? _worker;
    private long _nextId;

    /// <summary>A sandbox whose workers are started with <paramref name="command"/> (the first when the first job comes).</summary>
    public ProcessSandbox(WorkerCommand command, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public string Name => "worker process";

    /// <summary>How long after the time limit the worker may still answer before it is killed.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a new worker may take to say hello.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the worker's memory and the clock are checked while it runs a job.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Workers started so far (the first, and each replacement).</summary>
    public int WorkersStarted { get; private set; }

    /// <summary>The current worker's process id; null when none is running.</summary>
    public int? WorkerPid => _worker?.Process.Id;

    /// <summary>
    /// What the worker may use above the job's memory limit before it is killed: a quarter of the limit plus 64 MiB
    /// (the worker's own watch stops the run at the limit; this only catches what it cannot, such as one huge
    /// allocation inside a single operator).
    /// </summary>
    public static long MemoryMargin(long limit) => limit / 4 + (64L << 20);

    /// <inheritdoc/>
    public SandboxOutcome Run(SandboxJob job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        job.Limits.Validate();
        lock (_gate)
        {
            string? crash = null;
            for (int attempt = 1; attempt <= Attempts; attempt++)
            {
                var worker = Ensure(out string? why);
                if (worker is null) return SandboxOutcome.Fail(ComputeError.WorkerUnavailable, $"the sandbox's worker cannot be started: {why}", attempt);
                var outcome = Attempt(worker, job, attempt, ct, out crash);
                if (outcome is not null) return outcome;
                LogWorkerDied(_logger, worker.Process.Id, attempt, crash!);
                Drop();
            }

            return SandboxOutcome.Fail(ComputeError.WorkerCrashed, $"the worker died running the job twice; the second time: {crash}", Attempts);
        }
    }

    /// <summary>Closes the worker's input (it exits) and kills it if it does not exit within 2 seconds.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_worker is null) return;
            try
            {
                _worker.Input.Close();
                if (!_worker.Process.WaitForExit(2000)) _worker.Kill();
            }
            catch (IOException)
            {
                _worker.Kill();
            }

            _worker.Process.Dispose();
            _worker = null;
        }
    }

    /// <summary>One try in one worker: an outcome, or null with <paramref name="crash"/> set when the worker died.</summary>
    private SandboxOutcome? Attempt(Worker worker, SandboxJob job, int attempt, CancellationToken ct, out string? crash)
    {
        crash = null;
        File.Delete(job.OutputPath);
        long id = ++_nextId;
        long baseline = ProcessMemory.ResidentBytes(worker.Process.Id) ?? 0;
        var clock = Stopwatch.StartNew();
        Task<string?> read;
        try
        {
            worker.Input.WriteLine(JsonSerializer.Serialize(SandboxWorker.ToRequest(id, job), WorkerJson.Default.WorkerRequest));
            worker.Input.Flush();
            read = worker.Output.ReadLineAsync(CancellationToken.None).AsTask();
        }
        catch (IOException e)
        {
            crash = $"its input is closed ({e.Message}); {worker.Describe()}";
            return null;
        }

        var deadline = job.Limits.RunTime + KillGrace;
        long ceiling = baseline + job.Limits.MemoryBytes + MemoryMargin(job.Limits.MemoryBytes);
        while (!read.Wait(PollInterval))
        {
            if (ct.IsCancellationRequested)
            {
                Replace(worker, "the job was cancelled");
                ct.ThrowIfCancellationRequested();
            }

            if (clock.Elapsed > deadline)
            {
                LogKilledForTime(_logger, worker.Process.Id, job.Limits.RunTime.TotalSeconds);
                Replace(worker, "over its time limit");
                return new SandboxOutcome(
                    ComputeError.RunTimeExceeded, $"the run took longer than its limit of {job.Limits.RunTime.TotalSeconds:0.###} s and the worker was killed",
                    clock.Elapsed, "", attempt);
            }

            if (ProcessMemory.ResidentBytes(worker.Process.Id) is long rss && rss > ceiling)
            {
                LogKilledForMemory(_logger, worker.Process.Id, (rss - baseline) >> 20, job.Limits.MemoryBytes >> 20);
                Replace(worker, "over its memory limit");
                return new SandboxOutcome(
                    ComputeError.MemoryLimitExceeded, $"the run used {(rss - baseline) >> 20} MiB, over its limit of {job.Limits.MemoryBytes >> 20} MiB, and the worker was killed",
                    clock.Elapsed, "", attempt);
            }
        }

        string? line = read.IsCompletedSuccessfully ? read.Result : null;
        if (line is null)
        {
            worker.Process.WaitForExit(5000);
            crash = worker.Describe();
            return null;
        }

        var response = JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerResponse);
        if (response is null || response.Id != id) throw new InvalidOperationException($"the worker answered '{line}' to request {id}");
        return new SandboxOutcome((ComputeError)response.Error, response.Message, TimeSpan.FromMilliseconds(response.ElapsedMs), response.Backend, attempt);
    }

    private Worker? Ensure(out string? why)
    {
        why = null;
        if (_worker is { } running && !running.Process.HasExited) return running;
        Drop();
        var info = new ProcessStartInfo(_command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in _command.Arguments) info.ArgumentList.Add(argument);
        if (_command.ManagedHeapLimitBytes is long heap) info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heap.ToString("X", CultureInfo.InvariantCulture);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception("no process was started");
        }
        catch (Win32Exception e)
        {
            why = $"{_command.FileName}: {e.Message}";
            LogStartFailed(_logger, why);
            return null;
        }

        var worker = new Worker(process);
        var hello = process.StandardOutput.ReadLineAsync();
        string? line = hello.Wait(StartTimeout) ? hello.Result : null;
        WorkerHello? parsed = null;
        try
        {
            parsed = line is null ? null : JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerHello);
        }
        catch (JsonException)
        {
            // Not a hello: reported below.
        }

        if (parsed is null || parsed.Protocol != SandboxWorker.Protocol)
        {
            worker.Kill();
            why = line is null ? $"no hello within {StartTimeout.TotalSeconds:0} s; {worker.Describe()}" : $"it said '{line}' instead of a protocol {SandboxWorker.Protocol} hello";
            process.Dispose();
            LogStartFailed(_logger, why);
            return null;
        }

        WorkersStarted++;
        LogWorkerStarted(_logger, process.Id);
        return _worker = worker;
    }

    /// <summary>Kills the worker (whole tree) and starts a fresh one for the next job (a failed start is retried then).</summary>
    private void Replace(Worker worker, string reason)
    {
        worker.Kill();
        worker.Process.WaitForExit(5000);
        Drop();
        if (Ensure(out string? why) is null) LogStartFailed(_logger, $"after a worker was killed ({reason}): {why}");
    }

    private void Drop()
    {
        if (_worker is null) return;
        _worker.Kill();
        _worker.Process.Dispose();
        _worker = null;
    }

    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "sandbox worker {Pid} started")]
    private static partial void LogWorkerStarted(ILogger logger, int pid);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Warning, Message = "sandbox worker {Pid} died on attempt {Attempt} of the job: {Reason}")]
    private static partial void LogWorkerDied(ILogger logger, int pid, int attempt, string reason);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Warning, Message = "sandbox worker {Pid} killed: no answer after the time limit of {Seconds} s")]
    private static partial void LogKilledForTime(ILogger logger, int pid, double seconds);

    [LoggerMessage(EventId = 2123, Level = LogLevel.Warning, Message = "sandbox worker {Pid} killed: {UsedMb} MiB over a memory limit of {LimitMb} MiB")]
    private static partial void LogKilledForMemory(ILogger logger, int pid, long usedMb, long limitMb);

    [LoggerMessage(EventId = 2124, Level = LogLevel.Error, Message = "sandbox worker cannot be started: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);

    /// <summary>A running worker: its process, its pipes and the last lines it wrote to standard error.</summary>
    private sealed class Worker
    {
        private const int StderrLines = 20;
        private readonly Queue<string> _stderr = new();

        public Worker(Process process)
        {
            Process = process;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (_stderr)
                {
                    if (_stderr.Count == StderrLines) _stderr.Dequeue();
                    _stderr.Enqueue(e.Data);
                }
            };
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public StreamWriter Input => Process.StandardInput;

        public StreamReader Output => Process.StandardOutput;

        /// <summary>Its exit code (128 + the signal when a signal ended it) and the end of its standard error.</summary>
        public string Describe()
        {
            string exit = Process.HasExited ? $"exit code {Process.ExitCode}" : "still running";
            string tail;
            lock (_stderr) tail = string.Join(" | ", _stderr.TakeLast(3));
            return tail.Length == 0 ? exit : $"{exit}; stderr: {tail}";
        }

        public void Kill()
        {
            try
            {
                Process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It has exited already.
            }
        }
    }
}
