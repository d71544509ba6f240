using System.Diagnostics;
using Fairshare.Compute.Sandbox;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// Runs kernel jobs: matrix multiplication. The input blob holds exactly two float32 matrices, <c>A</c> [m, k] and
/// <c>B</c> [k, n]; the output blob holds <c>C</c> [m, n] = A · B. The runner owns its backend and disposes it.
/// Within <see cref="JobLimits"/>, a C larger than the memory limit is refused before it is allocated
/// (<see cref="ComputeError.MemoryLimitExceeded"/>), and a product of more than <see cref="BlockMacs"/>
/// multiply-adds runs in blocks of A's rows, the watchdog's limits checked between blocks.
/// </summary>
/// <param name="backend">What multiplies: <see cref="TensorPrimitivesMatMul"/> on a CPU, <see cref="IlgpuMatMul"/> on a GPU.</param>
public sealed class KernelJobRunner(IMatMulBackend backend) : IJobRunner
{
    /// <summary>The name of the left input matrix.</summary>
    public const string A = "A";

    /// <summary>The name of the right input matrix.</summary>
    public const string B = "B";

    /// <summary>The name of the output matrix.</summary>
    public const string C = "C";

    /// <summary>Multiply-adds per block of rows when a run has limits: a few hundred milliseconds on one CPU core.</summary>
    public const long BlockMacs = 1L << 30;

    private readonly IMatMulBackend _backend = backend ?? throw new ArgumentNullException(nameof(backend));

    /// <inheritdoc/>
    public ComputeJobKind Kind => ComputeJobKind.Kernel;

    /// <inheritdoc/>
    public string Backend => _backend.Name;

    /// <summary>The input blob of a matmul job: A [m, k] and B [k, n], row-major.</summary>
    public static byte[] EncodeInput(float[] a, float[] b, int m, int k, int n) =>
        TensorBlob.Encode([TensorData.Float32(A, [m, k], a), TensorData.Float32(B, [k, n], b)]);

    /// <inheritdoc/>
    public JobRunResult Run(byte[] model, byte[] input) => Run(input, watchdog: null, memoryLimit: long.MaxValue);

    /// <inheritdoc/>
    public JobRunResult Run(byte[] model, byte[] input, JobLimits limits)
    {
        using var watchdog = RunWatchdog.Start(limits);
        return Run(input, watchdog, limits.MemoryBytes);
    }

    private JobRunResult Run(byte[] input, RunWatchdog? watchdog, long memoryLimit)
    {
        var clock = Stopwatch.StartNew();
        var decoded = TensorBlob.Decode(input);
        if (!decoded.IsOk) return JobRunResult.Fail(decoded.Error, decoded.Message!, clock.Elapsed);
        string? problem = Validate(decoded.Value, out var a, out var b);
        if (problem is not null) return JobRunResult.Fail(ComputeError.InputMismatch, problem, clock.Elapsed);

        int m = (int)a.Shape[0], k = (int)a.Shape[1], n = (int)b.Shape[1];
        long outputBytes = (long)m * n * sizeof(float);
        if (outputBytes > memoryLimit)
            return JobRunResult.Fail(ComputeError.MemoryLimitExceeded, $"C [{m}, {n}] needs {outputBytes >> 20} MiB, over the limit of {memoryLimit >> 20} MiB", clock.Elapsed);
        var c = new float[m * n];
        long macs = (long)m * k * n;
        int rows = watchdog is null || macs <= BlockMacs ? m : (int)Math.Max(1, BlockMacs / ((long)k * n));
        var left = a.AsFloat32();
        for (int row = 0; row < m; row += rows)
        {
            if (watchdog is { Tripped: not ComputeError.None }) return JobRunResult.Fail(watchdog.Tripped, watchdog.Describe(), clock.Elapsed);
            int count = Math.Min(rows, m - row);
            _backend.Multiply(left.Slice(row * k, count * k), b.AsFloat32(), c.AsSpan(row * n, count * n), count, k, n);
        }

        byte[] output = TensorBlob.Encode([TensorData.Float32(C, [m, n], c)]);
        return JobRunResult.Ok(output, clock.Elapsed);
    }

    /// <summary>Disposes the backend.</summary>
    public void Dispose() => _backend.Dispose();

    private static string? Validate(TensorBlob blob, out TensorData a, out TensorData b)
    {
        a = blob.Find(A)!;
        b = blob.Find(B)!;
        if (blob.Tensors.Length != 2 || a is null || b is null)
            return $"a matmul input holds exactly the tensors \"{A}\" and \"{B}\"; got {Names(blob)}";
        if (a.Type != TensorElementType.Float32 || b.Type != TensorElementType.Float32)
            return $"A and B must be Float32; got {a.Type} and {b.Type}";
        if (a.Shape.Length != 2 || b.Shape.Length != 2)
            return $"A and B must be matrices; got shapes {a.ShapeText} and {b.ShapeText}";
        if (a.Shape[1] != b.Shape[0])
            return $"A's columns must equal B's rows; got {a.ShapeText} · {b.ShapeText}";
        if (a.Shape.Concat(b.Shape).Any(d => d < 1) || a.Shape[0] * b.Shape[1] > Array.MaxLength || a.ElementCount > Array.MaxLength || b.ElementCount > Array.MaxLength)
            return $"every dimension must be at least 1 and every matrix fit one array; got {a.ShapeText} · {b.ShapeText}";
        return null;
    }

    private static string Names(TensorBlob blob) => "[" + string.Join(", ", blob.Tensors.Select(t => $"\"{t.Name}\"")) + "]";
}
