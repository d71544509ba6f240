using Fairshare.Compute.Tensors;
using Fairshare.Compute.Tests.Tensors;
using Fairshare.Compute.Verification;

namespace Fairshare.Compute.Tests.Verification;

public sealed class OutputComparatorTests
{
    private static byte[] Y(params float[] values) => TensorBlob.Encode([TensorData.Float32("y", [values.Length], values)]);

    private static ComparisonResult Compare(byte[] expected, byte[] actual) =>
        OutputComparator.Compare(expected, actual, Tolerances.Default);

    [Fact]
    public void ByteIdenticalOutputs_AreEqual()
    {
        var result = Compare(Y(1f, 2f, 3f), Y(1f, 2f, 3f));

        Assert.Equal(ComparisonOutcome.Equal, result.Outcome);
        Assert.True(result.Agrees);
        Assert.Null(result.Worst);
    }

    [Fact]
    public void SmallDifferences_AreWithinTolerance_AndTheWorstIsNamed()
    {
        // Allowed: 1e-4 + 1e-3·|a|. 0.5 may move 6e-4; 100 may move 0.1001.
        var result = Compare(Y(0.5f, 100f, 0f), Y(0.5003f, 100.09f, 5e-5f));

        Assert.Equal(ComparisonOutcome.WithinTolerance, result.Outcome);
        Assert.True(result.Agrees);
        Assert.Equal("y", result.Worst!.Tensor);
        Assert.Equal(1, result.Worst.Index);
    }

    [Fact]
    public void ADifferenceBeyondTolerance_IsAMismatch_AtTheWorstElement()
    {
        var result = Compare(Y(0.5f, 100f, 0f, 1f), Y(0.5f, 100.2f, 0.01f, 1f));

        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.False(result.Agrees);
        Assert.Equal(2, result.Worst!.Index); // 0.01 against 1e-4 allowed is 100×; 0.2 against 0.1001 is 2×
        Assert.Equal(0.0, result.Worst.Expected);
        Assert.Contains("\"y\"[2]", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerance_IsAbsolutePlusRelativeToTheExpectedValue()
    {
        var tol = new Tolerance(Absolute: 0.1, Relative: 0.01);

        Assert.True(tol.Accepts(10, 10.2));
        Assert.False(tol.Accepts(10, 10.21));
        Assert.True(tol.Accepts(double.PositiveInfinity, double.PositiveInfinity));
        Assert.False(tol.Accepts(double.PositiveInfinity, 1e300));
        Assert.False(tol.Accepts(double.NaN, double.NaN));
        Assert.Equal(new Tolerance(1e-4, 1e-3), Tolerance.Default);
    }

    [Fact]
    public void DefaultTolerances_ArePerFloatingPointType_AndNoneForIntegers()
    {
        var tol = Tolerances.Default;

        Assert.Equal(new Tolerance(1e-2, 2e-2), tol.Float16);
        Assert.Equal(Tolerance.Default, tol.Float32);
        Assert.Equal(new Tolerance(1e-10, 1e-9), tol.Float64);
        Assert.Same(tol.Float16, tol.For(TensorElementType.Float16));
        Assert.Same(tol.Float64, tol.For(TensorElementType.Float64));
        Assert.All(TensorGenerators.AllTypes.Except([TensorElementType.Float16, TensorElementType.Float32, TensorElementType.Float64]),
            type => Assert.Null(tol.For(type)));
    }

    /// <summary>Per float type: the expected value, one just inside its default tolerance, one just outside.</summary>
    public static TheoryData<TensorElementType, double, double, double> FloatEdges() => new()
    {
        // float16: allowed 1e-2 + 2e-2·1 = 0.03; 1 + 30 ulp (2^-10 each) = 1.0293, 1 + 31 ulp = 1.0303
        { TensorElementType.Float16, 1, 1 + 30 / 1024.0, 1 + 31 / 1024.0 },
        // float32: allowed 1e-4 + 1e-3·100 = 0.1001
        { TensorElementType.Float32, 100, 100.1, 100.1002 },
        // float64: allowed 1e-10 + 1e-9·1000 = 1.0000001e-6
        { TensorElementType.Float64, 1000, 1000.0000009, 1000.0000011 },
        // float64 near zero: the absolute 1e-10 alone
        { TensorElementType.Float64, 0, 9e-11, 1.1e-10 },
    };

    [Theory]
    [MemberData(nameof(FloatEdges))]
    public void EachFloatType_HasItsOwnTolerance(TensorElementType type, double expected, double inside, double outside)
    {
        byte[] Blob(double value) => TensorBlob.Encode([TypedTensors.Of(type, "y", [2], 0.5, value)]);

        var within = Compare(Blob(expected), Blob(inside));
        var beyond = Compare(Blob(expected), Blob(outside));

        Assert.Equal(ComparisonOutcome.WithinTolerance, within.Outcome);
        Assert.Equal(1, within.Worst!.Index);
        Assert.Equal(ComparisonOutcome.Mismatch, beyond.Outcome);
        Assert.Equal(1, beyond.Worst!.Index);
        Assert.Contains($"for {type}", beyond.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TensorElementType.Float16)]
    [InlineData(TensorElementType.Float64)]
    public void NaN_MatchesNothing_InAnyFloatType(TensorElementType type)
    {
        byte[] Blob(double value) => TensorBlob.Encode([TypedTensors.Of(type, "y", [2], 1, value)]);

        Assert.Equal(ComparisonOutcome.Mismatch, Compare(Blob(double.NaN), Blob(double.NaN)).Outcome);
        Assert.Equal(ComparisonOutcome.Mismatch, Compare(Blob(2), Blob(double.NaN)).Outcome);
        Assert.Contains("NaN", Compare(Blob(double.NaN), Blob(2)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TensorElementType.UInt8)]
    [InlineData(TensorElementType.Int8)]
    [InlineData(TensorElementType.UInt16)]
    [InlineData(TensorElementType.Int16)]
    [InlineData(TensorElementType.UInt32)]
    [InlineData(TensorElementType.Int32)]
    [InlineData(TensorElementType.UInt64)]
    [InlineData(TensorElementType.Int64)]
    [InlineData(TensorElementType.Bool)]
    public void IntegerAndBoolElements_MustBeExactlyEqual(TensorElementType type)
    {
        byte[] Blob(double last) => TensorBlob.Encode([TypedTensors.Of(type, "v", [3], 1, 0, last)]);

        Assert.Equal(ComparisonOutcome.Equal, Compare(Blob(1), Blob(1)).Outcome);
        var offByOne = Compare(Blob(1), Blob(0));
        Assert.Equal(ComparisonOutcome.Mismatch, offByOne.Outcome);
        Assert.Equal(2, offByOne.Worst!.Index);
        Assert.Equal(1.0, offByOne.Worst.Expected);
        Assert.Equal(0.0, offByOne.Worst.Actual);
        Assert.Contains($"{type} elements must be equal", offByOne.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Large64BitIntegersDifferingInTheLastUnit_AreAMismatch()
    {
        byte[] Signed(long v) => TensorBlob.Encode([TensorData.Int64("v", [1], [v])]);
        byte[] Unsigned(ulong v) => TensorBlob.Encode([TensorData.UInt64("v", [1], [v])]);

        Assert.Equal(ComparisonOutcome.Mismatch, Compare(Signed(long.MaxValue), Signed(long.MaxValue - 1)).Outcome);
        Assert.Equal(ComparisonOutcome.Mismatch, Compare(Unsigned(ulong.MaxValue), Unsigned(ulong.MaxValue - 1)).Outcome);
    }

    private static JobTensors Folder(params (string Name, float Value)[] items) =>
        new(JobLayout.Folder, [.. items.Select(i => new JobItem(i.Name, [TensorData.Float32("y", [1], [i.Value])]))], ComputeError.None);

    [Fact]
    public void Items_AreComparedOneByOne_AndTheWorstNamesItsItem()
    {
        var within = Compare(Folder(("a", 1f), ("b", 10f)).Encode(), Folder(("a", 1f), ("b", 10.005f)).Encode());
        var beyond = Compare(Folder(("a", 1f), ("b", 10f)).Encode(), Folder(("a", 1f), ("b", 10.5f)).Encode());

        Assert.Equal(ComparisonOutcome.WithinTolerance, within.Outcome);
        Assert.Equal("b", within.Worst!.Item);
        Assert.Equal(ComparisonOutcome.Mismatch, beyond.Outcome);
        Assert.Equal("b", beyond.Worst!.Item);
        Assert.Contains("item \"b\": \"y\"[0]", beyond.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualFaults_Agree()
    {
        byte[] fault = JobTensors.Failed(JobLayout.Folder, ComputeError.RunFailed).Encode();

        var result = Compare(fault, (byte[])fault.Clone());

        Assert.Equal(ComparisonOutcome.Equal, result.Outcome);
        Assert.True(result.Agrees);
        Assert.Contains("RunFailed", result.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], byte[]> ItemMismatches() => new()
    {
        { "different faults", JobTensors.Failed(JobLayout.Folder, ComputeError.RunFailed).Encode(), JobTensors.Failed(JobLayout.Folder, ComputeError.InputMismatch).Encode() },
        { "same fault, other layout", JobTensors.Failed(JobLayout.Folder, ComputeError.RunFailed).Encode(), JobTensors.Failed(JobLayout.Stacked, ComputeError.RunFailed).Encode() },
        { "fault against output", JobTensors.Failed(JobLayout.Single, ComputeError.RunFailed).Encode(), Y(1f) },
        { "output against fault", Y(1f), JobTensors.Failed(JobLayout.Single, ComputeError.RunFailed).Encode() },
        { "other item names", Folder(("a", 1f), ("b", 2f)).Encode(), Folder(("a", 1f), ("c", 2f)).Encode() },
        { "items in another order", Folder(("a", 1f), ("b", 1f)).Encode(), Folder(("b", 1f), ("a", 1f)).Encode() },
        { "another item count", Folder(("a", 1f), ("b", 2f)).Encode(), Folder(("a", 1f)).Encode() },
        { "another layout", Folder(("0", 1f)).Encode(), JobTensors.SplitBatch([TensorData.Float32("y", [1, 1], [1f])]).Value!.Encode() },
        { "single against folder", Y(1f), Folder(("", 1f)).Encode() },
        { "a tensor differs inside an item", Folder(("a", 1f)).Encode(), new JobTensors(JobLayout.Folder, [new JobItem("a", [TensorData.Float64("y", [1], [1])])], ComputeError.None).Encode() },
    };

    [Theory]
    [MemberData(nameof(ItemMismatches))]
    public void LayoutItemAndFaultDifferences_AreMismatches(string what, byte[] expected, byte[] actual)
    {
        var result = Compare(expected, actual);

        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.Null(result.Worst);
        Assert.False(string.IsNullOrEmpty(result.Reason), what);
    }

    [Theory]
    [InlineData(float.NaN, 1f)]
    [InlineData(1f, float.NaN)]
    [InlineData(float.NaN, float.NaN)]
    public void NaN_MatchesNothing_NotEvenItself(float expected, float actual)
    {
        var result = Compare(Y(1f, expected), Y(1f, actual));

        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.Equal(1, result.Worst!.Index);
        Assert.Contains("NaN", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Int64Elements_MustBeExactlyEqual()
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
    public void StructuralDifferences_AreMismatches(string what, byte[] expected, byte[] actual)
    {
        var result = Compare(expected, actual);

        Assert.Equal(ComparisonOutcome.Mismatch, result.Outcome);
        Assert.Null(result.Worst);
        Assert.False(string.IsNullOrEmpty(result.Reason), what);
    }

    [Fact]
    public void TensorOrder_DoesNotMatter_ButContentDoes()
    {
        var a = TensorData.Float32("a", [1], [1f]);
        var b = TensorData.Float32("b", [1], [2f]);

        var result = Compare(TensorBlob.Encode([a, b]), TensorBlob.Encode([b, a]));

        Assert.Equal(ComparisonOutcome.WithinTolerance, result.Outcome);
        Assert.Equal(0.0, result.Worst!.Difference);
    }
}
