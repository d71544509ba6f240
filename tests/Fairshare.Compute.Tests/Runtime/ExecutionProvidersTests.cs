using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Fairshare.Compute.Tests.Runtime;

/// <summary>This machine has no GPU and the tests link the CPU package: CUDA must be reported as not loading, with why.</summary>
public sealed class ExecutionProvidersTests
{
    [Fact]
    public void Detect_reports_the_CPU_as_loading_and_CUDA_as_not_loading_with_a_reason()
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
    public void The_build_list_alone_would_not_tell_what_loads_and_a_missing_provider_says_which_package_to_build()
    {
        var cuda = ExecutionProviders.Probe(ExecutionProvider.Cuda(0));

        Assert.Equal(ExecutionProviders.InBuild().Contains("CUDAExecutionProvider"), cuda.InBuild);
        Assert.False(cuda.Loads);
        if (!cuda.InBuild) Assert.Contains("FairshareOnnxRuntime=gpu", cuda.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_CUDA_without_it_runs_on_the_CPU_and_says_why()
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
    public void A_model_ONNX_Runtime_refuses_is_ModelInvalid_whatever_the_provider()
    {
        foreach (var provider in new[] { ExecutionProvider.Cpu, ExecutionProvider.Cuda(0) })
        {
            var session = new OnnxSessionFactory(provider).Create([1, 2, 3]);

            Assert.Equal(ComputeError.ModelInvalid, session.Error);
        }
    }

    [Fact]
    public void Sessions_get_the_fixed_settings_replicas_share()
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
    public void Provider_names_parse_and_print_back(string text, ExecutionProviderKind kind, int device)
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
    public void Other_provider_names_are_refused(string text) => Assert.False(ExecutionProvider.TryParse(text, out _));
}
