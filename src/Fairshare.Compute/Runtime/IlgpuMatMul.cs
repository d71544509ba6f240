using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// Matrix multiplication as an ILGPU kernel: the classic shared-memory tiling (each 16×16 thread group loads a tile of
/// A and of B into shared memory, synchronises, and accumulates in k order). On a CUDA device it compiles to PTX; on
/// ILGPU's CPU accelerator it runs the same kernel by emulating GPU threads, which is correct but roughly a thousand
/// times slower than <see cref="TensorPrimitivesMatMul"/>: that path exists so tests can check the GPU kernel on
/// machines without a GPU, never for real work.
/// </summary>
public sealed class IlgpuMatMul : IMatMulBackend
{
    private const int Tile = 16;

    private static readonly Lazy<bool> CudaPresent = new(DetectCuda);

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> _kernel;

    private IlgpuMatMul(Context context, Accelerator accelerator)
    {
        _context = context;
        _accelerator = accelerator;
        _kernel = accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(TiledKernel);
    }

    /// <summary>
    /// Whether ILGPU finds a CUDA device (the host's NVIDIA driver, <c>libcuda</c>, must be installed; no NuGet
    /// package brings it). Probed once per process.
    /// </summary>
    public static bool CudaAvailable => CudaPresent.Value;

    /// <summary>True when the kernel runs on a CUDA device rather than the CPU emulation.</summary>
    public bool IsCuda => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <inheritdoc/>
    public string Name => IsCuda ? $"ilgpu-cuda ({_accelerator.Name})" : "ilgpu-cpu (emulation)";

    /// <summary>
    /// Compiles the kernel for the first CUDA device when <paramref name="preferCuda"/> is set and one exists, else for
    /// ILGPU's CPU accelerator (for tests). The first call pays ILGPU's kernel compilation (a fraction of a second).
    /// </summary>
    public static IlgpuMatMul Create(bool preferCuda)
    {
        // The emulated device must allow 16×16 = 256 threads per group; ILGPU's default CPU device allows only 16.
        var context = Context.Create(builder =>
        {
            builder.Optimize(OptimizationLevel.O2).CPU(CPUDeviceKind.AMD);
            if (preferCuda) builder.Cuda();
        });
        try
        {
            Device device = preferCuda && context.GetCudaDevices().Count > 0 ? context.GetCudaDevice(0) : context.GetCPUDevice(0);
            return new IlgpuMatMul(context, device.CreateAccelerator(context));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        MatMulShapes.Check(a, b, c, m, k, n);
        using var deviceA = _accelerator.Allocate1D<float>(a.Length);
        using var deviceB = _accelerator.Allocate1D<float>(b.Length);
        using var deviceC = _accelerator.Allocate1D<float>(c.Length);
        deviceA.View.CopyFromCPU(ref MemoryMarshal.GetReference(a), a.Length);
        deviceB.View.CopyFromCPU(ref MemoryMarshal.GetReference(b), b.Length);
        var grid = new Index2D((n + Tile - 1) / Tile, (m + Tile - 1) / Tile);
        _kernel(new KernelConfig(grid, new Index2D(Tile, Tile)), deviceA.View, deviceB.View, deviceC.View, m, k, n);
        _accelerator.Synchronize();
        deviceC.View.CopyToCPU(ref MemoryMarshal.GetReference(c), c.Length);
    }

    /// <summary>Releases the accelerator and the ILGPU context.</summary>
    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }

    /// <summary>One thread per element of C; group (x, y) computes the 16×16 tile at rows 16y.., columns 16x...</summary>
    private static void TiledKernel(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, int m, int k, int n)
    {
        var tileA = SharedMemory.Allocate<float>(Tile * Tile);
        var tileB = SharedMemory.Allocate<float>(Tile * Tile);
        int tx = Group.IdxX, ty = Group.IdxY;
        int row = Grid.IdxY * Tile + ty, col = Grid.IdxX * Tile + tx;
        float sum = 0;
        for (int t = 0; t < k; t += Tile)
        {
            tileA[ty * Tile + tx] = row < m && t + tx < k ? a[row * k + t + tx] : 0f;
            tileB[ty * Tile + tx] = t + ty < k && col < n ? b[(t + ty) * n + col] : 0f;
            Group.Barrier();
            for (int p = 0; p < Tile; p++) sum += tileA[ty * Tile + p] * tileB[p * Tile + tx];
            Group.Barrier();
        }

        if (row < m && col < n) c[row * n + col] = sum;
    }

    private static bool DetectCuda()
    {
        using var context = Context.Create(builder => builder.Cuda());
        return context.GetCudaDevices().Count > 0;
    }
}
