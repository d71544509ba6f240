using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Models;

/// <summary>
/// The provider's runner refuses what the model checks refuse, whatever the client did: a job naming a model with
/// external data (which would make a provider read its own files) or a custom operator is a job fault with the
/// inspector's code, before ONNX Runtime sees the model.
/// </summary>
[Collection(PythonModelsCollection.Name)]
public sealed class RunnerChecksTests(PythonModels models) : IDisposable
{
    private readonly OnnxJobRunner _runner = new();

    public void Dispose() => _runner.Dispose();

    [Theory]
    [InlineData("external_initializer", ComputeError.ModelExternalData)]
    [InlineData("external_in_loop", ComputeError.ModelExternalData)]
    [InlineData("custom_domain", ComputeError.ModelUnsupportedOperator)]
    [InlineData("opset_too_high", ComputeError.ModelUnsupportedOpset)]
    public void AModelTheInspectorRefuses_DoesNotRun(string model, ComputeError expected)
    {
        byte[] input = TensorBlob.Encode([TensorData.Float32("x", [1, 4], new float[4])]);

        var result = _runner.Run(models[model], input);

        Assert.Equal(expected, result.Error);
        Assert.True(JobFaults.IsJobFault(result.Error), $"{result.Error} must be the job's fault");
        Assert.Equal(0, _runner.CachedSessions);
    }
}
