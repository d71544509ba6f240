using System.Collections.Immutable;
using Fairshare.Compute.Hardware;
using Fairshare.Compute.Models;
using Microsoft.ML.OnnxRuntime;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// Finds which ONNX Runtime execution providers actually work on this machine. <c>OrtEnv.GetAvailableProviders</c> only
/// says what the linked build contains (the GPU package lists CUDA on machines without a GPU), so each provider is
/// tried: a session on a tiny generated model is created with the provider appended, with the same settings as real
/// jobs (<see cref="OnnxSessionFactory.Options"/>), and run once. Whatever fails (the provider library, a CUDA or cuDNN
/// library it needs, the device) is the reason it does not load.
/// </summary>
public static class ExecutionProviders
{
    private static readonly Lazy<byte[]> TinyModel = new(() => OnnxModelBuilder.Mlp(2, [2], 2, seed: 1));

    /// <summary>Tries the CPU provider and the CUDA provider on <paramref name="cudaDevice"/>.</summary>
    public static ExecutionProviderReport Detect(int cudaDevice = 0) =>
        new([Probe(ExecutionProvider.Cpu), Probe(ExecutionProvider.Cuda(cudaDevice))]);

    /// <summary>Tries one provider: creates a session on a tiny model with it and runs it.</summary>
    public static ProviderAvailability Probe(ExecutionProvider provider)
    {
        bool inBuild = InBuild(provider);
        try
        {
            using var options = OnnxSessionFactory.Options(provider);
            using var session = new InferenceSession(TinyModel.Value, options);
            using var input = OrtValue.CreateTensorValueFromMemory(new float[] { 0.5f, -0.5f }, [1, 2]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [session.InputNames[0]], [input], session.OutputNames);
            return new ProviderAvailability(provider, inBuild, true, null, DeviceOf(provider));
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            string reason = OnnxSessionFactory.FirstLine(e.Message);
            if (!inBuild) reason = $"not in this ONNX Runtime build (the CPU package; build with -p:FairshareOnnxRuntime=gpu): {reason}";
            return new ProviderAvailability(provider, inBuild, false, reason, null);
        }
    }

    /// <summary>The providers the linked ONNX Runtime build contains, whether or not they load.</summary>
    public static ImmutableArray<string> InBuild() => [.. OrtEnv.Instance().GetAvailableProviders()];

    private static bool InBuild(ExecutionProvider provider) => InBuild().Contains(provider.OrtName);

    private static string DeviceOf(ExecutionProvider provider)
    {
        if (provider.Kind == ExecutionProviderKind.Cpu) return HardwareProbe.ParseCpuInfo(ReadCpuInfo()).Model;
        var gpu = HardwareProbe.Detect().Gpus.ElementAtOrDefault(provider.DeviceId);
        return gpu is null ? $"CUDA device {provider.DeviceId}" : $"CUDA device {provider.DeviceId}: {gpu.Name}";
    }

    private static string ReadCpuInfo() => File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : "";
}
