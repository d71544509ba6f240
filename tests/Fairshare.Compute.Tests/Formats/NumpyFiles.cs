using Fairshare.Testing;

namespace Fairshare.Compute.Tests.Formats;

/// <summary>
/// <c>.npy</c> and <c>.npz</c> files written by numpy itself (one Python run for the whole test class), read back by
/// the tests: every dtype, Fortran order, big-endian, header versions 2.0 and 3.0, a scalar, an empty array, and
/// arrays whose <c>numpy.save</c> bytes ours must equal.
/// </summary>
public sealed class NumpyFiles : IDisposable
{
    /// <summary>The dtypes numpy writes for the twelve element types, as file name stems.</summary>
    public static readonly string[] Dtypes = ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"];

    private const string Script = """
        import sys, numpy as np, numpy.lib.format as fmt
        d = sys.argv[1]
        for code in ['f2', 'f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8']:
            np.save(f'{d}/dtype_{code}.npy', np.array([[0, 1, 2], [3, 4, 5]]).astype('<' + code))
        np.save(f'{d}/dtype_b1.npy', np.array([[True, False, True], [False, False, True]]))
        np.save(f'{d}/extremes_f2.npy', np.array([65504, -65504, 2**-24, np.inf, -0.0, 0.333251953125], dtype='<f2'))
        np.save(f'{d}/extremes_i8.npy', np.array([-2**63, 2**63 - 1], dtype='<i8'))
        np.save(f'{d}/extremes_u8.npy', np.array([0, 2**64 - 1], dtype='<u8'))
        np.save(f'{d}/fortran_i4.npy', np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4)))
        np.save(f'{d}/fortran_f8.npy', np.asfortranarray(np.arange(6, dtype='<f8').reshape(2, 3)))
        for code in ['f2', 'f4', 'f8', 'i2', 'i4', 'i8', 'u2', 'u4', 'u8']:
            np.save(f'{d}/big_{code}.npy', np.arange(6).astype('>' + code).reshape(3, 2))
        np.save(f'{d}/big_fortran_f4.npy', np.asfortranarray(np.arange(6, dtype='>f4').reshape(2, 3)))
        with open(f'{d}/v2.npy', 'wb') as f: fmt.write_array(f, np.array([7, 8, 9], dtype='<i8'), version=(2, 0))
        with open(f'{d}/v3.npy', 'wb') as f: fmt.write_array(f, np.array([1.5, -1.5], dtype='<f4'), version=(3, 0))
        np.save(f'{d}/scalar_f8.npy', np.float64(2.5))
        np.save(f'{d}/scalar_b1.npy', np.bool_(True))
        np.save(f'{d}/empty_f4.npy', np.zeros((3, 0), dtype='<f4'))
        np.save(f'{d}/empty_1d_u2.npy', np.zeros((0,), dtype='<u2'))
        np.savez(f'{d}/arrays.npz', x=np.arange(6, dtype='<f4').reshape(2, 3), ids=np.array([5, -6], dtype='<i8'), mask=np.array([False, True]))
        np.savez_compressed(f'{d}/compressed.npz', h=np.arange(4, dtype='<f2'), b=np.array([[1, 2]], dtype='|u1'))
        np.save(f'{d}/object.npy', np.array([1, 'a', None], dtype=object), allow_pickle=True)
        np.save(f'{d}/unicode.npy', np.array(['ab', 'c']))
        np.save(f'{d}/bytes.npy', np.array([b'ab', b'c']))
        np.save(f'{d}/complex.npy', np.array([1 + 2j], dtype='<c8'))
        np.save(f'{d}/datetime.npy', np.array(['2026-01-01'], dtype='datetime64[D]'))
        np.save(f'{d}/structured.npy', np.zeros(2, dtype=[('a', '<i4'), ('b', '<f8')]))
        # numpy.save of arrays our writer must reproduce byte for byte
        np.save(f'{d}/same_f4_2x3.npy', np.arange(6, dtype='<f4').reshape(2, 3))
        np.save(f'{d}/same_i8_5.npy', np.array([-2, -1, 0, 1, 2], dtype='<i8'))
        np.save(f'{d}/same_b1_2x2.npy', np.array([[True, False], [False, True]]))
        np.save(f'{d}/same_f2_scalar.npy', np.float16(-1.5))
        np.save(f'{d}/same_u1_empty.npy', np.zeros((0,), dtype='|u1'))
        np.save(f'{d}/same_i1_long.npy', np.zeros((123456,), dtype='|i1'))
        np.save(f'{d}/same_f8_rank8.npy', np.arange(6, dtype='<f8').reshape(1, 1, 1, 1, 1, 1, 2, 3))
        np.save(f'{d}/same_u8_wide.npy', np.zeros((1, 1234567890123, 0), dtype='<u8'))
        print('ok')
        """;

    /// <summary>Runs numpy once into a fresh folder.</summary>
    public NumpyFiles()
    {
        Directory.CreateDirectory(Folder);
        string output = Python.Run(Script, Folder);
        if (output.Trim() != "ok") throw new InvalidOperationException("numpy did not write the test files: " + output);
    }

    /// <summary>The folder holding the files.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "fairshare-npy-" + Guid.NewGuid().ToString("N"));

    /// <summary>The bytes of <paramref name="file"/>.</summary>
    public byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
