using Fairshare.Compute.Tensors;
using Fairshare.Compute.Verification;

namespace Fairshare.Compute.Tests.Verification;

public sealed class OutputComparatorTests
{
    private static byte[] Y(params float[] values) => TensorBlob.Encode([TensorData.Float32("y", [values.Length], values)]);

    private static ComparisonResult Compare(byte[] expected, byte[] actual) =>
        OutputComparator.Compare(expected, actual, Tolerance.Default);

    [Fact]
    public void Byte_identical_outputs_are_equal()
    {
        var result = Compare(Y(1f, 2f, 3f), Y(1f, 2f, 3f));

        Assert.Equal(ComparisonOutcome.Equal, result.Outcome);
        Assert.True(result.Agrees);
        Assert.Null(result.Worst);
    }

    [Fact]
    public void Small_differences_are_within_tolerance_and_the_worst_is_named()
    {
        // Allowed: 1e-4 + 1e-3·|a|. 0.5 may move 6e-4; 100 may move 0.1001.
        var result = Compare(Y(0.5f, 100f, 0f), Y(0.5003f, 100.09f, 5e-5f));

        Assert.Equal(ComparisonOutcome.WithinTolerance, result.Outcome);
        Assert.True(result.Agrees);
        Assert.Equal("y", result.Worst!.Tensor);
        Assert.Equal(1, result.Worst.Index);
    }

    [Fact]
    public void A_difference_beyond_tolerance_is_a_mismatch_at_the_worst_element()
    {
        var result = Compare(Y(0.5f, 100f, 0f, 1f), Y(0.5f, 100.2f, 0.01f, 1f));

        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.False(result.Agrees);
        Assert.Equal(2, result.Worst!.Index); // 0.01 against 1e-4 allowed is 100×; 0.2 against 0.1001 is 2×
        Assert.Equal(0.0, result.Worst.Expected);
        Assert.Contains("\"y\"[2]", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerance_is_absolute_plus_relative_to_the_expected_value()
    {
        var tol = new Tolerance(Absolute: 0.1, Relative: 0.01);

        Assert.True(tol.Accepts(10, 10.2));
        Assert.False(tol.Accepts(10, 10.21));
        Assert.True(tol.Accepts(double.PositiveInfinity, double.PositiveInfinity));
        Assert.False(tol.Accepts(double.PositiveInfinity, 1e300));
        Assert.False(tol.Accepts(double.NaN, double.NaN));
        Assert.Equal(new Tolerance(1e-4, 1e-3), Tolerance.Default);
    }

    [Theory]
    [InlineData(float.NaN, 1f)]
    [InlineData(1f, float.NaN)]
    [InlineData(float.NaN, float.NaN)]
    public void NaN_matches_nothing_not_even_itself(float expected, float actual)
    {
        var result = Compare(Y(1f, expected), Y(1f, actual));

        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.Equal(1, result.Worst!.Index);
        Assert.Contains("NaN", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Int64_elements_must_be_exactly_equal()
    {
        byte[] Ids(long last) => TensorBlob.Encode([TensorData.Int64("ids", [2], [7, last])]);

        Assert.Equal(ComparisonOutcome.Equal, Compare(Ids(9), Ids(9)).Outcome);
        var result = Compare(Ids(1_000_000), Ids(1_000_001));
        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.Equal(1, result.Worst!.Index);
    }

    public static TheoryData<string, byte[], byte[]> StructuralMismatches() => new()
    {
        { "shape", TensorBlob.Encode([TensorData.Float32("y", [2, 2], new float[4])]), TensorBlob.Encode([TensorData.Float32("y", [4], new float[4])]) },
        { "name", Y(1f), TensorBlob.Encode([TensorData.Float32("z", [1], [1f])]) },
        { "type", TensorBlob.Encode([TensorData.Int64("y", [1], [1])]), Y(1f) },
        { "count", Y(1f), TensorBlob.Encode([TensorData.Float32("y", [1], [1f]), TensorData.Float32("z", [1], [1f])]) },
        { "undecodable", Y(1f), [1, 2, 3] },
    };

    [Theory]
    [MemberData(nameof(StructuralMismatches))]
    public void Structural_differences_are_mismatches(string what, byte[] expected, byte[] actual)
    {
        var result = Compare(expected, actual);

        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.Null(result.Worst);
        Assert.False(string.IsNullOrEmpty(result.Reason), what);
    }

    [Fact]
    public void Tensor_order_does_not_matter_but_content_does()
    {
        var a = TensorData.Float32("a", [1], [1f]);
        var b = TensorData.Float32("b", [1], [2f]);

        var result = Compare(TensorBlob.Encode([a, b]), TensorBlob.Encode([b, a]));

        Assert.Equal(ComparisonOutcome.WithinTolerance, result.Outcome);
        Assert.Equal(0.0, result.Worst!.Difference);
    }
}
