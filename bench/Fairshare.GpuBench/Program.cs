using System.Diagnostics;
using Fairshare.Compute.Runtime;

// The kernel matmul on a real GPU beside its CPU peer, in one run: for each size, ILGPU's tiled kernel on the first
// CUDA device (end to end: allocate, copy in, run, copy out) against TensorPrimitives on one CPU thread, and the
// largest elementwise difference between the two. Built self-contained so a machine without the .NET SDK can run it:
//   dotnet publish bench/Fairshare.GpuBench -c Release -r linux-x64 --self-contained -o OUT
int[] sizes = args.Length > 0 ? [.. args.Select(int.Parse)] : [256, 512, 1024, 2048, 4096];
const double H200Fp32PeakTflops = 67.0;
Console.WriteLine($"cuda available: {IlgpuMatMul.CudaAvailable}; cpu threads: {Environment.ProcessorCount}");
using var gpu = IlgpuMatMul.Create(preferCuda: true);
using var cpu = new TensorPrimitivesMatMul();
Console.WriteLine($"gpu backend: {gpu.Name}");
Console.WriteLine($"{"n",6} {"gpu ms",10} {"gpu GFLOP/s",12} {"cpu ms",10} {"cpu GFLOP/s",12} {"speed-up",9} {"max |diff|",11} {"of peak",8}");
foreach (int n in sizes)
{
    var random = new Random(n);
    var a = new float[n * n];
    var b = new float[n * n];
    for (int i = 0; i < a.Length; i++)
    {
        a[i] = (float)(random.NextDouble() - 0.5);
        b[i] = (float)(random.NextDouble() - 0.5);
    }

    var cGpu = new float[n * n];
    var cCpu = new float[n * n];
    gpu.Multiply(a, b, cGpu, n, n, n); // warm-up: kernel compilation and first allocation
    double gpuMs = Best(() => gpu.Multiply(a, b, cGpu, n, n, n), 5);
    double cpuMs = Best(() => cpu.Multiply(a, b, cCpu, n, n, n), n >= 4096 ? 1 : 3);
    double maxDiff = 0;
    for (int i = 0; i < cGpu.Length; i++) maxDiff = Math.Max(maxDiff, Math.Abs(cGpu[i] - cCpu[i]));
    double flops = 2.0 * n * n * n;
    double gpuGflops = flops / gpuMs / 1e6, cpuGflops = flops / cpuMs / 1e6;
    Console.WriteLine($"{n,6} {gpuMs,10:F2} {gpuGflops,12:F1} {cpuMs,10:F2} {cpuGflops,12:F1} {cpuMs / gpuMs,8:F1}x {maxDiff,11:E2} {gpuGflops / (H200Fp32PeakTflops * 1000),7:P1}");
}

Console.WriteLine($"limit: {H200Fp32PeakTflops} TFLOP/s FP32 without tensor cores (H200 SXM datasheet); the gpu column includes host<->device copies");

static double Best(Action action, int repetitions)
{
    double best = double.MaxValue;
    for (int r = 0; r < repetitions; r++)
    {
        var clock = Stopwatch.StartNew();
        action();
        best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
    }

    return best;
}
