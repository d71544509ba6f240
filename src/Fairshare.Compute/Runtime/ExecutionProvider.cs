using System.Globalization;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// The execution provider a run asks for: the CPU, or CUDA on one device. Written <c>cpu</c>, <c>cuda</c> (device 0) or
/// <c>cuda:N</c>. Asking is not getting: a runner that cannot load CUDA runs on the CPU and says why
/// (<see cref="OnnxSessionFactory"/>).
/// </summary>
/// <param name="Kind">Which provider.</param>
/// <param name="DeviceId">The CUDA device ordinal; 0 for the CPU.</param>
public readonly record struct ExecutionProvider(ExecutionProviderKind Kind, int DeviceId)
{
    /// <summary>The CPU provider.</summary>
    public static ExecutionProvider Cpu { get; } = new(ExecutionProviderKind.Cpu, 0);

    /// <summary>ONNX Runtime's name for the provider, as <c>OrtEnv.GetAvailableProviders</c> lists it.</summary>
    public string OrtName => Kind == ExecutionProviderKind.Cuda ? "CUDAExecutionProvider" : "CPUExecutionProvider";

    /// <summary>The CUDA provider on device <paramref name="deviceId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative device.</exception>
    public static ExecutionProvider Cuda(int deviceId = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceId);
        return new ExecutionProvider(ExecutionProviderKind.Cuda, deviceId);
    }

    /// <summary>Reads <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c> (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? text, out ExecutionProvider provider)
    {
        provider = Cpu;
        string value = (text ?? "").Trim().ToLowerInvariant();
        if (value == "cpu") return true;
        if (value == "cuda")
        {
            provider = Cuda();
            return true;
        }

        if (!value.StartsWith("cuda:", StringComparison.Ordinal)
            || !int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int device)) return false;
        provider = Cuda(device);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Kind == ExecutionProviderKind.Cuda ? $"cuda:{DeviceId}" : "cpu";
}
