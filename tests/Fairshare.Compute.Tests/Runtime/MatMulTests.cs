using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Runtime;

public sealed class MatMulTests
{
    private static float[] Naive(float[] a, float[] b, int m, int k, int n)
    {
        var c = new float[m * n];
        using var naive = new NaiveMatMul();
        naive.Multiply(a, b, c, m, k, n);
        return c;
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.InRange(Math.Abs(expected[i] - actual[i]), 0, tolerance * (1 + Math.Abs(expected[i])));
    }

    [Fact]
    public void NaiveLoop_ComputesAKnownProduct()
    {
        float[] c = Naive([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], 2, 3, 2);

        Assert.Equal([58f, 64f, 139f, 154f], c);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 13, 5)]
    [InlineData(64, 64, 64)]
    [InlineData(33, 130, 17)]
    public void TensorPrimitives_MatchesTheNaiveLoop(int m, int k, int n)
    {
        float[] a = TestData.Floats(m * k, seed: 1), b = TestData.Floats(k * n, seed: 2);
        var c = new float[m * n];
        using var backend = new TensorPrimitivesMatMul();

        backend.Multiply(a, b, c, m, k, n);

        AssertClose(Naive(a, b, m, k, n), c, 1e-4f);
    }

    [Fact]
    public void IlgpuKernelOnTheCpuAccelerator_MatchesTheNaiveLoop_Exactly()
    {
        using var backend = IlgpuMatMul.Create(preferCuda: false);
        Assert.False(backend.IsCuda);
        Assert.Equal("ilgpu-cpu (emulation)", backend.Name);

        foreach (var (m, k, n) in new[] { (1, 1, 1), (33, 17, 29) })
        {
            float[] a = TestData.Floats(m * k, seed: m), b = TestData.Floats(k * n, seed: n);
            var c = new float[m * n];
            backend.Multiply(a, b, c, m, k, n);

            // Same products, summed in the same k order, in float32: bit for bit the naive loop.
            Assert.Equal(Naive(a, b, m, k, n), c);
        }
    }

    [Fact]
    public void Backends_CheckTheirArguments()
    {
        using var backend = new TensorPrimitivesMatMul();
        Assert.Throws<ArgumentException>(() => backend.Multiply(new float[6], new float[6], new float[4], 2, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.Multiply([], [], [], 0, 1, 1));
    }

    [Fact]
    public void KernelJob_MultipliesAByBIntoC()
    {
        using var runner = new KernelJobRunner(new TensorPrimitivesMatMul());

        var result = runner.Run([], KernelJobRunner.EncodeInput([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], 2, 3, 2));

        Assert.True(result.IsOk, result.Message);
        var c = Assert.Single(TensorBlob.Decode(result.Output).Value!.Tensors);
        Assert.Equal(KernelJobRunner.C, c.Name);
        Assert.Equal([2, 2], c.Shape);
        Assert.Equal([58f, 64f, 139f, 154f], c.AsFloat32().ToArray());
        Assert.Equal(ComputeJobKind.Kernel, runner.Kind);
        Assert.Equal("tensorprimitives", runner.Backend);
    }

    public static TheoryData<string, byte[], ComputeError> BadKernelInputs()
    {
        TensorData A(long[] shape) => TensorData.Float32("A", shape, new float[shape.Aggregate(1L, (p, d) => p * d)]);
        TensorData B(long[] shape) => A(shape) with { Name = "B" };
        return new()
        {
            { "not a blob", [0], ComputeError.BlobTruncated },
            { "only A", TensorBlob.Encode([A([2, 2])]), ComputeError.InputMismatch },
            { "A, B and more", TensorBlob.Encode([A([2, 2]), B([2, 2]), A([1]) with { Name = "D" }]), ComputeError.InputMismatch },
            { "int64 B", TensorBlob.Encode([A([2, 2]), TensorData.Int64("B", [2, 2], [1, 2, 3, 4])]), ComputeError.InputMismatch },
            { "vector A", TensorBlob.Encode([A([4]), B([2, 2])]), ComputeError.InputMismatch },
            { "inner sizes differ", TensorBlob.Encode([A([2, 3]), B([2, 2])]), ComputeError.InputMismatch },
            { "zero rows", TensorBlob.Encode([A([0, 2]), B([2, 2])]), ComputeError.InputMismatch },
        };
    }

    [Theory]
    [MemberData(nameof(BadKernelInputs))]
    public void KernelJob_RefusesInputsThatAreNotAMatMul(string what, byte[] input, ComputeError expected)
    {
        using var runner = new KernelJobRunner(new TensorPrimitivesMatMul());

        var result = runner.Run([], input);

        Assert.False(result.IsOk, what);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void JobRunners_PickTheCudaKernelWhenADeviceExists_ElseTensorPrimitives()
    {
        using var kernel = JobRunners.For(ComputeJobKind.Kernel);
        using var onnx = JobRunners.For(ComputeJobKind.OnnxInference);

        Assert.StartsWith(IlgpuMatMul.CudaAvailable ? "ilgpu-cuda" : "tensorprimitives", kernel.Backend);
        Assert.Equal(ComputeJobKind.OnnxInference, onnx.Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => JobRunners.For((ComputeJobKind)9));
    }
}
