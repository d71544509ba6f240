namespace Fairshare.Compute.Hardware;

/// <summary>One GPU as <c>nvidia-smi</c> reports it.</summary>
/// <param name="Name">The product name, e.g. <c>NVIDIA H200</c>.</param>
/// <param name="MemoryMb">Total device memory in MiB.</param>
/// <param name="DriverVersion">The NVIDIA driver version, e.g. <c>565.57.01</c>.</param>
public sealed record GpuInfo(string Name, long MemoryMb, string DriverVersion);
