using System.Runtime.InteropServices;
using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Preprocessing;
using Fairshare.Examples.Ocr.Tensors;
using Fairshare.Testing;

namespace Fairshare.Examples.Tests.Ocr;

/// <summary>The example's <c>.npy</c> files, checked with numpy (Debian's python3-numpy) as the independent reader and writer.</summary>
public sealed class NpyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-npy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void TheInputTensor_LoadsInNumpy_WithItsDtypeShapeAndValues()
    {
        var tensor = OcrPreprocess.ToTensor(TextImage.Render("FAIRSHARE 2026"));
        tensor.WriteNpy(PathOf("input.npy"));
        File.WriteAllBytes(PathOf("input.f32"), MemoryMarshal.AsBytes(tensor.Values.AsSpan()).ToArray());

        string printed = Python.Run(
            """
            import sys
            import numpy as np
            path, raw, shape = sys.argv[1], sys.argv[2], tuple(int(d) for d in sys.argv[3].split(","))
            with open(path, "rb") as f:
                assert np.lib.format.read_magic(f) == (1, 0)
                header_length = int.from_bytes(f.read(2), "little")
                assert (10 + header_length) % 64 == 0, header_length
            a = np.load(path)
            assert a.dtype == np.dtype("<f4"), a.dtype
            assert a.shape == shape, a.shape
            assert a.flags["C_CONTIGUOUS"]
            assert np.array_equal(a, np.fromfile(raw, dtype="<f4").reshape(shape))
            assert a.min() == -1.0 and a.max() == 1.0
            print(a.shape)
            """,
            PathOf("input.npy"), PathOf("input.f32"), string.Join(",", tensor.Shape));
        Assert.Equal($"(1, 3, 48, {tensor.Shape[3]})", printed.Trim());
    }

    [Fact]
    public void Numpy_AgreesWithSteps3To5_OnAnImage48High()
    {
        // No resizing at height 48, so numpy can redo PaddleOCR's lines from the raw RGB bytes: BGR, /255, −0.5, /0.5,
        // HWC → CHW, zeros to the right up to 320.
        var rgb = new byte[5 * 48 * 3];
        for (int i = 0; i < rgb.Length; i++) rgb[i] = (byte)(i * 37 % 256);
        var tensor = OcrPreprocess.ToTensor(new RgbImage(5, 48, rgb));
        tensor.WriteNpy(PathOf("input.npy"));
        File.WriteAllBytes(PathOf("image.rgb"), rgb);

        Python.Run(
            """
            import sys
            import numpy as np
            rgb = np.fromfile(sys.argv[2], dtype=np.uint8).reshape(48, 5, 3)
            img = rgb[:, :, ::-1].astype("float32")
            norm = img.transpose((2, 0, 1)) / 255
            norm -= 0.5
            norm /= 0.5
            expected = np.zeros((3, 48, 320), dtype=np.float32)
            expected[:, :, 0:5] = norm
            assert np.array_equal(np.load(sys.argv[1]), expected[np.newaxis])
            """,
            PathOf("input.npy"), PathOf("image.rgb"));
    }

    [Fact]
    public void AnArrayNumpySaved_ReadsBackEqual()
    {
        Python.Run(
            """
            import sys
            import numpy as np
            a = (np.arange(2 * 5 * 7, dtype=np.float32).reshape(2, 5, 7) - 30) / 7
            np.save(sys.argv[1], a)
            a.astype("<f4").tofile(sys.argv[2])
            """,
            PathOf("saved.npy"), PathOf("saved.f32"));

        var tensor = FloatTensor.ReadNpy(PathOf("saved.npy"));
        Assert.Equal([2, 5, 7], tensor.Shape);
        Assert.Equal(MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(PathOf("saved.f32"))).ToArray(), tensor.Values);
    }

    [Fact]
    public void AOneDimensionalTensor_RoundTripsThroughNumpy()
    {
        new FloatTensor([3], [1.5f, -2f, 0.25f]).WriteNpy(PathOf("vector.npy"));
        string printed = Python.Run(
            """
            import sys
            import numpy as np
            a = np.load(sys.argv[1])
            print(a.shape, a.tolist())
            """,
            PathOf("vector.npy"));
        Assert.Equal("(3,) [1.5, -2.0, 0.25]", printed.Trim());
        Assert.Equal([1.5f, -2f, 0.25f], FloatTensor.ReadNpy(PathOf("vector.npy")).Values);
    }

    [Fact]
    public void AFloat64Array_IsRefused_NamingItsDtype()
    {
        Python.Run("import sys\nimport numpy as np\nnp.save(sys.argv[1], np.zeros((2, 3), dtype=np.float64))\n", PathOf("other.npy"));

        var error = Assert.Throws<InvalidDataException>(() => FloatTensor.ReadNpy(PathOf("other.npy")));

        Assert.Contains("float64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3))")]
    [InlineData("np.arange(6, dtype='>f4').reshape(2, 3)")]
    public void FortranOrderAndBigEndianFloat32_ReadAsNumpyMeansThem(string array)
    {
        Python.Run($"import sys\nimport numpy as np\nnp.save(sys.argv[1], {array})\n", PathOf("other.npy"));

        var tensor = FloatTensor.ReadNpy(PathOf("other.npy"));

        Assert.Equal([2, 3], tensor.Shape);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], tensor.Values);
    }
}
