using System.Diagnostics;
using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Sandbox;
using Fairshare.Compute.Tensors;
using Fairshare.Testing;

namespace Fairshare.Compute.Tests.Sandbox;

public sealed class InProcessSandboxTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fairshare-sandbox-{Guid.NewGuid():N}");
    private readonly InProcessSandbox _sandbox = new();

    public InProcessSandboxTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _sandbox.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    internal static byte[] LoopInput(long iterations) =>
        TensorBlob.Encode([TensorData.Int64("n", [], [iterations]), TensorData.Float32("x", [64, 64], TestData.Floats(64 * 64, 1))]);

    internal static byte[] HogInput(long elements) => TensorBlob.Encode([TensorData.Int64("shape", [1], [elements])]);

    private SandboxJob Job(byte[] model, byte[] input, JobLimits limits, ExecutionProvider? provider = null)
    {
        string name = Guid.NewGuid().ToString("N");
        string modelPath = Path.Combine(_folder, name + ".model"), inputPath = Path.Combine(_folder, name + ".input");
        File.WriteAllBytes(modelPath, model);
        File.WriteAllBytes(inputPath, input);
        return new SandboxJob(ComputeJobKind.OnnxInference, modelPath, inputPath, Path.Combine(_folder, name + ".output"), limits, provider ?? ExecutionProvider.Cpu);
    }

    private static JobLimits Limits(double seconds = 60, long memoryMb = 1024, long maxBlob = JobLimits.DefaultMaxBlobBytes) =>
        new(TimeSpan.FromSeconds(seconds), memoryMb << 20, maxBlob, maxBlob);

    [Fact]
    public void AModelThatRunsTooLong_IsStoppedAtItsLimit_AndTheNextJobRuns()
    {
        var clock = Stopwatch.StartNew();
        var stopped = _sandbox.Run(Job(HostileModels.SlowLoop, LoopInput(1_000_000_000), Limits(seconds: 1)));

        Assert.Equal(ComputeError.RunTimeExceeded, stopped.Error);
        Assert.True(stopped.IsJobFault);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

        var job = Job(HostileModels.SlowLoop, LoopInput(10), Limits());
        var next = _sandbox.Run(job);
        Assert.True(next.IsOk, next.Message);
        Assert.True(JobTensorsOk(File.ReadAllBytes(job.OutputPath)));
    }

    [Fact]
    public void AModelThatTakesTooMuchMemory_IsStopped_AndTheNextJobRuns()
    {
        // 2^27 float32 ones = 512 MiB, then as much again, against a limit of 64 MiB.
        var stopped = _sandbox.Run(Job(HostileModels.MemoryHog, HogInput(1L << 27), Limits(memoryMb: 64)));

        Assert.Equal(ComputeError.MemoryLimitExceeded, stopped.Error);
        Assert.True(stopped.IsJobFault);

        var job = Job(HostileModels.MemoryHog, HogInput(1000), Limits(memoryMb: 64));
        var next = _sandbox.Run(job);
        Assert.True(next.IsOk, next.Message);
        Assert.True(JobTensorsOk(File.ReadAllBytes(job.OutputPath)));
    }

    [Fact]
    public void BlobsOverTheSizeLimits_AreRefused_BeforeTheyAreRead()
    {
        var model = OnnxModelBuilder.Mlp(4, [3], 2, seed: 1);
        var input = TensorBlob.Encode([TensorData.Float32("x", [1, 4], [1, 2, 3, 4])]);

        var tooBigModel = _sandbox.Run(Job(model, input, Limits(maxBlob: model.Length - 1) with { MaxInputBytes = input.Length }));
        var tooBigInput = _sandbox.Run(Job(model, input, Limits(maxBlob: model.Length) with { MaxInputBytes = input.Length - 1 }));
        var fits = _sandbox.Run(Job(model, input, Limits(maxBlob: model.Length) with { MaxInputBytes = input.Length }));

        Assert.Equal(ComputeError.ModelTooLarge, tooBigModel.Error);
        Assert.Equal(ComputeError.InputTooLarge, tooBigInput.Error);
        Assert.True(tooBigModel.IsJobFault && tooBigInput.IsJobFault);
        Assert.True(fits.IsOk, fits.Message);
    }

    [Fact]
    public void AskingForCudaOnAMachineWithoutIt_RunsOnTheCpu_AndSaysWhy()
    {
        var model = OnnxModelBuilder.Mlp(4, [3], 2, seed: 1);
        var input = TensorBlob.Encode([TensorData.Float32("x", [1, 4], [1, 2, 3, 4])]);
        var onCpu = Job(model, input, Limits());
        var onCuda = Job(model, input, Limits(), ExecutionProvider.Cuda(0));

        var cpu = _sandbox.Run(onCpu);
        var cuda = _sandbox.Run(onCuda);

        Assert.True(cpu.IsOk && cuda.IsOk, cuda.Message);
        Assert.Equal("onnxruntime-cpu", cpu.Backend);
        Assert.StartsWith("onnxruntime-cpu (CUDA unavailable: ", cuda.Backend, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(onCpu.OutputPath), File.ReadAllBytes(onCuda.OutputPath));
    }

    [Fact]
    public void AKernelWhoseProductWouldNotFitTheMemoryLimit_IsRefused_BeforeItAllocates()
    {
        // A [4096, 1] · B [1, 4096]: 32 KiB in, a 64 MiB C out, against a limit of 16 MiB.
        var input = KernelJobRunner.EncodeInput(new float[4096], new float[4096], 4096, 1, 4096);
        var job = Job([], input, Limits(memoryMb: 16)) with { Kind = ComputeJobKind.Kernel, ModelPath = "" };

        var outcome = _sandbox.Run(job);

        Assert.Equal(ComputeError.MemoryLimitExceeded, outcome.Error);
        Assert.False(File.Exists(job.OutputPath));
    }

    [Fact]
    public void AMissingBlobFile_IsTheProvidersOwnProblem_NotAJobFault()
    {
        var job = Job(OnnxModelBuilder.Mlp(4, [3], 2, seed: 1), [], Limits()) with { InputPath = Path.Combine(_folder, "gone") };

        var outcome = _sandbox.Run(job);

        Assert.Equal(ComputeError.BlobStoreFailed, outcome.Error);
        Assert.False(outcome.IsJobFault);
        Assert.False(File.Exists(job.OutputPath));
    }

    [Fact]
    public void TheWorkerProtocol_RoundTripsJobsAndFaults()
    {
        var model = OnnxModelBuilder.Mlp(4, [3], 2, seed: 1);
        var input = TensorBlob.Encode([TensorData.Float32("x", [1, 4], [1, 2, 3, 4])]);
        var good = Job(model, input, Limits());
        var bad = Job(model, input, Limits()) with { InputPath = Path.Combine(_folder, "gone") };
        var requests = string.Join('\n', new[] { good, bad }.Select((job, i) =>
            System.Text.Json.JsonSerializer.Serialize(SandboxWorker.ToRequest(i + 1, job), WorkerJson.Default.WorkerRequest)));
        var output = new StringWriter();

        int exit = SandboxWorker.Serve(new StringReader(requests + "\n"), output);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var hello = System.Text.Json.JsonSerializer.Deserialize(lines[0], WorkerJson.Default.WorkerHello)!;
        Assert.Equal(new WorkerHello(SandboxWorker.Protocol, Environment.ProcessId), hello);
        var first = System.Text.Json.JsonSerializer.Deserialize(lines[1], WorkerJson.Default.WorkerResponse)!;
        var second = System.Text.Json.JsonSerializer.Deserialize(lines[2], WorkerJson.Default.WorkerResponse)!;
        Assert.Equal((1L, 0), (first.Id, first.Error));
        Assert.Equal((2L, (int)ComputeError.BlobStoreFailed), (second.Id, second.Error));
        using var direct = new OnnxJobRunner();
        Assert.Equal(direct.Run(model, input).Output, File.ReadAllBytes(good.OutputPath));
        Assert.Equal(good, SandboxWorker.ToJob(SandboxWorker.ToRequest(1, good)));
    }

    private static bool JobTensorsOk(byte[] output) => TensorBlob.Decode(output).IsOk;
}
