using Fairshare.Compute;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Sandbox;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Agents.Demo;

namespace Fairshare.Agents.Tests.Agents;

public sealed class JobExecutorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-executor-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static readonly ProviderOffer Offer = new(DeviceClass.Cpu, 8_192, 2_000, new Amount(1), 1, "test", 300, 0, "test");

    [Fact]
    public void Limits_ComeFromTheChainTheOfferAndTheJob()
    {
        using var executor = new JobExecutor(new BlobStore(_root));
        var spec = DemoRunner.InferenceSpec(Hash32.Compute([1]), Hash32.Compute([2]), workUnits: 400, VerificationPolicy.Replicate, 2);
        var market = MarketParams.Default with { RunTimeFactor = 5, MaxModelBytes = 3 << 20, MaxInputBytes = 2 << 20 };

        var limits = executor.LimitsFor(spec, market, Offer);
        var noMemory = executor.LimitsFor(spec with { MinMemoryMb = 0 }, market, Offer);

        // 5 × 400 ÷ 2,000 units/s = 1 s, plus the loading allowance; the job's 256 MiB; the governed sizes.
        Assert.Equal(TimeSpan.FromSeconds(1) + JobLimits.ModelLoadAllowance, limits.RunTime);
        Assert.Equal(256L << 20, limits.MemoryBytes);
        Assert.Equal((3L << 20, 2L << 20), (limits.MaxModelBytes, limits.MaxInputBytes));
        // The output may be as large as the largest blob a node stores: the larger of the two.
        Assert.Equal(3L << 20, limits.MaxOutputBytes);
        Assert.Equal(5L << 20, executor.LimitsFor(spec, market with { MaxInputBytes = 5 << 20 }, Offer).MaxOutputBytes);
        Assert.Equal(8_192L << 20, noMemory.MemoryBytes);
    }

    [Fact]
    public void ABlobOverItsLimit_BecomesTheSameFaultBlobOnEveryProvider_AndAMissingOneWaits()
    {
        var blobs = new BlobStore(_root);
        using var executor = new JobExecutor(blobs);
        var model = blobs.Put(new byte[2048]);
        var input = blobs.Put(new JobTensors(JobLayout.Stacked, [new JobItem("0", [TensorData.Float32("x", [1], [1f])])], ComputeError.None).Encode());
        var spec = DemoRunner.InferenceSpec(model, input, 1, VerificationPolicy.Replicate, 2);
        var limits = new JobLimits(TimeSpan.FromSeconds(10), 1 << 30, 1024, 1 << 20);

        var tooLarge = executor.Run(spec, limits);
        var missing = executor.Run(spec with { Model = Hash32.Compute([9]) }, limits);

        Assert.True(tooLarge.IsJobFault);
        Assert.Equal(ComputeError.ModelTooLarge, tooLarge.Code);
        Assert.Equal(JobTensors.Failed(JobLayout.Stacked, ComputeError.ModelTooLarge).Encode(), tooLarge.Output);
        Assert.True(missing.IsMissingBlob);
        Assert.Null(missing.Output);
    }

    [Fact]
    public void AnOutputLargerThanANodeStores_BecomesTheOutputTooLargeFault_AndOneOfExactlyTheLimitIsDelivered()
    {
        var blobs = new BlobStore(_root);
        using var executor = new JobExecutor(blobs);
        var workload = DemoRunner.BuildWorkload(blobs, executor, 1);
        var input = workload.Inputs[0];
        var spec = DemoRunner.InferenceSpec(workload.Model, input, workload.WorkUnits, VerificationPolicy.Replicate, 2);
        Assert.True(blobs.TryGet(workload.ReferenceOutputs[input], out var expected));
        var layout = JobTensors.Decode(blobs.TryGet(input, out var inputBytes) ? inputBytes : []).Value!.Layout;
        JobLimits Limits(long maxOutput) => new JobLimits(TimeSpan.FromSeconds(30), 1L << 30, 1L << 30, 1L << 30) with { MaxOutputBytes = maxOutput };

        var atTheLimit = executor.Run(spec, Limits(expected.Length));
        var oneOver = executor.Run(spec, Limits(expected.Length - 1));

        Assert.Equal(ComputeError.None, atTheLimit.Code);
        Assert.Equal(expected, atTheLimit.Output);
        Assert.True(oneOver.IsJobFault);
        Assert.Equal(ComputeError.OutputTooLarge, oneOver.Code);
        Assert.Equal(JobTensors.Failed(layout, ComputeError.OutputTooLarge).Encode(), oneOver.Output);
    }

    [Fact]
    public void TheCheater_CorruptsItemsAndFaultBlobsAlike()
    {
        var output = new JobTensors(JobLayout.Folder, [new JobItem("a", [TensorData.Float32("y", [2], [1f, 2f])])], ComputeError.None).Encode();
        var fault = JobTensors.Failed(JobLayout.Single, ComputeError.RunTimeExceeded).Encode();

        var corrupted = JobTensors.Decode(JobExecutor.Corrupt(output)).Value!;
        var corruptedFault = JobTensors.Decode(JobExecutor.Corrupt(fault)).Value!;

        Assert.Equal([2f, 1f], corrupted.Items[0].Tensors[0].AsFloat32().ToArray());
        Assert.True(corruptedFault.IsFault);
        Assert.NotEqual(ComputeError.RunTimeExceeded, corruptedFault.Fault);
    }
}
