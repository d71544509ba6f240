using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Tensors;

public sealed class TensorDataTests
{
    public static TheoryData<string, TensorData, TensorElementType, byte[]> TypedFactories() => new()
    {
        { "float16 1.5, -2", TensorData.Float16("t", [2], [(Half)1.5, (Half)(-2)]), TensorElementType.Float16, [0x00, 0x3E, 0x00, 0xC0] },
        { "float32 1", TensorData.Float32("t", [1], [1f]), TensorElementType.Float32, [0x00, 0x00, 0x80, 0x3F] },
        { "float64 -2", TensorData.Float64("t", [1], [-2.0]), TensorElementType.Float64, [0, 0, 0, 0, 0, 0, 0x00, 0xC0] },
        { "int8 -1, 127", TensorData.Int8("t", [2], [-1, 127]), TensorElementType.Int8, [0xFF, 0x7F] },
        { "uint8 0, 255", TensorData.UInt8("t", [2], [0, 255]), TensorElementType.UInt8, [0x00, 0xFF] },
        { "int16 -2", TensorData.Int16("t", [1], [-2]), TensorElementType.Int16, [0xFE, 0xFF] },
        { "uint16 0x1234", TensorData.UInt16("t", [1], [0x1234]), TensorElementType.UInt16, [0x34, 0x12] },
        { "int32 -1", TensorData.Int32("t", [1], [-1]), TensorElementType.Int32, [0xFF, 0xFF, 0xFF, 0xFF] },
        { "uint32 0x01020304", TensorData.UInt32("t", [1], [0x01020304]), TensorElementType.UInt32, [4, 3, 2, 1] },
        { "int64 256", TensorData.Int64("t", [1], [256]), TensorElementType.Int64, [0, 1, 0, 0, 0, 0, 0, 0] },
        { "uint64 max", TensorData.UInt64("t", [1], [ulong.MaxValue]), TensorElementType.UInt64, [255, 255, 255, 255, 255, 255, 255, 255] },
        { "bool true, false", TensorData.Bool("t", [2], [true, false]), TensorElementType.Bool, [1, 0] },
    };

    [Theory]
    [MemberData(nameof(TypedFactories))]
    public void TypedFactories_StoreLittleEndianBytesOfTheirType(string what, TensorData tensor, TensorElementType type, byte[] bytes)
    {
        Assert.Equal(type, tensor.Type);
        Assert.Equal(bytes, tensor.Data);
        Assert.Equal(bytes.Length / tensor.ElementCount, TensorData.ElementSize(type));
        TensorAssert.Same(tensor, TensorData.Create("t", type, tensor.Shape, bytes));
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void As_GivesTheElements_OnlyForTheMatchingType()
    {
        var halves = TensorData.Float16("h", [3], [(Half)0.5, Half.NaN, Half.NegativeInfinity]);
        var flags = TensorData.Bool("b", [2], [false, true]);
        var big = TensorData.UInt64("u", [1], [ulong.MaxValue]);

        Assert.Equal([(Half)0.5, Half.NaN, Half.NegativeInfinity], halves.As<Half>().ToArray());
        Assert.Equal([false, true], flags.As<bool>().ToArray());
        Assert.Equal(ulong.MaxValue, big.As<ulong>()[0]);
        Assert.Throws<InvalidOperationException>(() => big.As<long>().ToArray());
        Assert.Throws<InvalidOperationException>(() => flags.As<byte>().ToArray());
        Assert.Throws<InvalidOperationException>(() => halves.AsFloat32().ToArray());
        Assert.Throws<NotSupportedException>(() => halves.As<char>().ToArray());
    }

    [Fact]
    public void Create_RefusesBytesThatDoNotFit()
    {
        Assert.Throws<ArgumentException>(() => TensorData.Create("t", TensorElementType.Int32, [2], new byte[7]));
        Assert.Throws<ArgumentException>(() => TensorData.Create("t", TensorElementType.Bool, [2], [1, 2]));
        Assert.Throws<ArgumentException>(() => TensorData.Create("", TensorElementType.UInt8, [1], [0]));
        Assert.Throws<ArgumentException>(() => TensorData.Create("t", TensorElementType.UInt8, [-1], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => TensorData.Create("t", (TensorElementType)8, [1], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TensorData.ElementSize((TensorElementType)16));
    }

    [Fact]
    public void ScalarsAndEmptyTensors_CountTheirElements()
    {
        Assert.Equal(1, TensorData.Float64("s", [], [3.0]).ElementCount);
        Assert.Equal(0, TensorData.Int16("e", [4, 0, 2], []).ElementCount);
        Assert.Equal("[4, 0, 2]", TensorData.Int16("e", [4, 0, 2], []).ShapeText);
    }
}
