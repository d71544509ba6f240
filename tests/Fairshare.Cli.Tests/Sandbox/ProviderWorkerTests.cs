using System.Diagnostics;
using Fairshare.Compute;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Sandbox;
using Fairshare.Compute.Tensors;
using Fairshare.Testing;

namespace Fairshare.Cli.Tests.Sandbox;

/// <summary>The process sandbox with the CLI's own worker (<c>fairshare provider worker</c>, the built app host).</summary>
public sealed class ProviderWorkerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fairshare-worker-{Guid.NewGuid():N}");
    private readonly ProcessSandbox _sandbox = new(new WorkerCommand(CliBuild.AppHost, ["provider", "worker"], ManagedHeapLimitBytes: 1L << 30));

    public ProviderWorkerTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _sandbox.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private SandboxJob Job(byte[] model, byte[] input, double seconds = 60, long memoryMb = 1024)
    {
        string name = Guid.NewGuid().ToString("N");
        string modelPath = Path.Combine(_folder, name + ".model"), inputPath = Path.Combine(_folder, name + ".input");
        File.WriteAllBytes(modelPath, model);
        File.WriteAllBytes(inputPath, input);
        var limits = new JobLimits(TimeSpan.FromSeconds(seconds), memoryMb << 20, JobLimits.DefaultMaxBlobBytes, JobLimits.DefaultMaxBlobBytes);
        return new SandboxJob(ComputeJobKind.OnnxInference, modelPath, inputPath, Path.Combine(_folder, name + ".output"), limits, ExecutionProvider.Cpu);
    }

    private static byte[] LoopInput(long iterations) =>
        TensorBlob.Encode([TensorData.Int64("n", [], [iterations]), TensorData.Float32("x", [64, 64], new float[64 * 64])]);

    private static byte[] HogInput(long elements) => TensorBlob.Encode([TensorData.Int64("shape", [1], [elements])]);

    private void AssertQuickJobRuns()
    {
        var job = Job(HostileModels.MemoryHog, HogInput(1000));
        var outcome = _sandbox.Run(job);
        Assert.True(outcome.IsOk, outcome.Message);
        var total = TensorBlob.Decode(File.ReadAllBytes(job.OutputPath)).Value!.Tensors.Single();
        Assert.Equal(2000f, total.AsFloat32()[0]);
    }

    [Fact]
    public void AJob_RoundTripsThroughTheWorker_AndTheWorkerKeepsItsLoadedModel()
    {
        AssertQuickJobRuns();
        int pid = _sandbox.WorkerPid!.Value;
        AssertQuickJobRuns();

        Assert.Equal(pid, _sandbox.WorkerPid);
        Assert.Equal(1, _sandbox.WorkersStarted);
    }

    [Fact]
    public void AModelThatRunsTooLong_IsStopped_AndTheWorkerRunsTheNextJob()
    {
        var outcome = _sandbox.Run(Job(HostileModels.SlowLoop, LoopInput(1_000_000_000), seconds: 1));

        Assert.Equal(ComputeError.RunTimeExceeded, outcome.Error);
        Assert.True(outcome.IsJobFault);
        AssertQuickJobRuns();
    }

    [Fact]
    public void AModelThatTakesTooMuchMemory_IsStopped_AndTheWorkerRunsTheNextJob()
    {
        var outcome = _sandbox.Run(Job(HostileModels.MemoryHog, HogInput(1L << 27), memoryMb: 64));

        Assert.Equal(ComputeError.MemoryLimitExceeded, outcome.Error);
        AssertQuickJobRuns();
    }

    [Fact]
    public async Task AWorkerKilledFromOutsideMidJob_IsReplaced_AndTheJobRetried()
    {
        AssertQuickJobRuns();
        int first = _sandbox.WorkerPid!.Value;
        var killer = Task.Run(() => KillWorkers(1));

        var outcome = _sandbox.Run(Job(HostileModels.SlowLoop, LoopInput(1_000_000_000), seconds: 4));
        await killer;

        // The fresh worker ran the whole job again, to its time limit.
        Assert.Equal(ComputeError.RunTimeExceeded, outcome.Error);
        Assert.Equal(2, outcome.Attempts);
        Assert.NotEqual(first, _sandbox.WorkerPid);
        AssertQuickJobRuns();
    }

    [Fact]
    public async Task AWorkerThatDiesTwiceOnAJob_IsADeterministicFault()
    {
        AssertQuickJobRuns();
        var killer = Task.Run(() => KillWorkers(2));

        var outcome = _sandbox.Run(Job(HostileModels.SlowLoop, LoopInput(1_000_000_000), seconds: 30));
        await killer;

        Assert.Equal(ComputeError.WorkerCrashed, outcome.Error);
        Assert.True(outcome.IsJobFault);
        Assert.Equal(2, outcome.Attempts);
        AssertQuickJobRuns();
    }

    [Fact]
    public void AWorkerThatCannotStart_IsTheProvidersOwnProblem()
    {
        using var broken = new ProcessSandbox(new WorkerCommand(Path.Combine(_folder, "no-such-worker"), []));

        var outcome = broken.Run(Job(HostileModels.MemoryHog, HogInput(10)));

        Assert.Equal(ComputeError.WorkerUnavailable, outcome.Error);
        Assert.False(outcome.IsJobFault);
    }

    /// <summary>Kills the worker <paramref name="times"/> times, each a moment after it has started on the job.</summary>
    private void KillWorkers(int times)
    {
        int? last = _sandbox.WorkerPid;
        var deadline = Stopwatch.StartNew();
        for (int killed = 0; killed < times && deadline.Elapsed < TimeSpan.FromSeconds(60);)
        {
            Thread.Sleep(700);
            if (_sandbox.WorkerPid is not int pid || (killed > 0 && pid == last)) continue;
            using var worker = Process.GetProcessById(pid);
            worker.Kill();
            worker.WaitForExit();
            last = pid;
            killed++;
        }
    }
}
