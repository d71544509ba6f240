using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Fairshare.Compute.Tests.Runtime;

/// <summary>This machine has no GPU and the tests link the CPU package: CUDA must be reported as not loading, with why.</summary>
public sealed class ExecutionProvidersTests
{
    [Fact]
    public void Detect_ReportsTheCpuAsLoading_AndCudaAsNotLoadingWithAReason()
    {
        var report = ExecutionProviders.Detect();

        var cpu = Assert.Single(report.Providers, p => p.Provider == ExecutionProvider.Cpu);
        Assert.True(cpu.InBuild);
        Assert.True(cpu.Loads);
        Assert.Null(cpu.Reason);
        Assert.False(string.IsNullOrEmpty(cpu.Device));

        var cuda = report.Cuda!;
        Assert.Equal(ExecutionProvider.Cuda(0), cuda.Provider);
        Assert.False(cuda.Loads);
        Assert.False(report.CudaLoads);
        Assert.Null(cuda.Device);
        Assert.Contains("CUDA", cuda.Reason!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ORT CPU", report.LoadedSummary());
    }

    [Fact]
    public void TheBuildListAlone_WouldNotTellWhatLoads_AndAMissingProviderSaysWhichPackageToBuild()
    {
        var cuda = ExecutionProviders.Probe(ExecutionProvider.Cuda(0));

        Assert.Equal(ExecutionProviders.InBuild().Contains("CUDAExecutionProvider"), cuda.InBuild);
        Assert.False(cuda.Loads);
        if (!cuda.InBuild) Assert.Contains("FairshareOnnxRuntime=gpu", cuda.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public void AskingForCudaWithoutIt_RunsOnTheCpu_AndSaysWhy()
    {
        var factory = new OnnxSessionFactory(ExecutionProvider.Cuda(0));

        Assert.Equal(ExecutionProvider.Cuda(0), factory.Requested);
        Assert.Equal(ExecutionProvider.Cpu, factory.Effective);
        Assert.False(string.IsNullOrEmpty(factory.FallbackReason));
        Assert.StartsWith("onnxruntime-cpu (CUDA unavailable: ", factory.Backend, StringComparison.Ordinal);

        var session = factory.Create(OnnxModelBuilder.Mlp(4, [3], 2, seed: 1));
        Assert.True(session.IsOk, session.Message);
        using (session.Value)
        {
            using var x = OrtValue.CreateTensorValueFromMemory(new float[] { 1, 2, 3, 4 }, [1, 4]);
            using var run = new RunOptions();
            using var outputs = session.Value.Run(run, ["x"], [x], session.Value.OutputNames);
            Assert.Equal(2, outputs[0].GetTensorDataAsSpan<float>().Length);
        }
    }

    [Fact]
    public void AModelOnnxRuntimeRefuses_IsModelInvalid_WhateverTheProvider()
    {
        foreach (var provider in new[] { ExecutionProvider.Cpu, ExecutionProvider.Cuda(0) })
        {
            var session = new OnnxSessionFactory(provider).Create([1, 2, 3]);

            Assert.Equal(ComputeError.ModelInvalid, session.Error);
        }
    }

    [Fact]
    public void Sessions_GetTheFixedSettingsReplicasShare()
    {
        using var options = OnnxSessionFactory.Options(ExecutionProvider.Cpu);

        Assert.Equal(GraphOptimizationLevel.ORT_ENABLE_ALL, options.GraphOptimizationLevel);
        Assert.Equal(1, options.IntraOpNumThreads);
        Assert.Equal(1, options.InterOpNumThreads);
        Assert.Equal(ExecutionMode.ORT_SEQUENTIAL, options.ExecutionMode);
        Assert.True(options.EnableCpuMemArena);
    }

    [Theory]
    [InlineData("cpu", ExecutionProviderKind.Cpu, 0)]
    [InlineData("CUDA", ExecutionProviderKind.Cuda, 0)]
    [InlineData("cuda:3", ExecutionProviderKind.Cuda, 3)]
    public void ProviderNames_ParseAndPrintBack(string text, ExecutionProviderKind kind, int device)
    {
        Assert.True(ExecutionProvider.TryParse(text, out var provider));
        Assert.Equal(new ExecutionProvider(kind, device), provider);
        Assert.True(ExecutionProvider.TryParse(provider.ToString(), out var again));
        Assert.Equal(provider, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void OtherProviderNames_AreRefused(string text) => Assert.False(ExecutionProvider.TryParse(text, out _));
}
