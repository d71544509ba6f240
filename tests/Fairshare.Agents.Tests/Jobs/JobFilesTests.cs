using Fairshare.Agents.Jobs;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Modules.Market;
using Fairshare.Testing;

namespace Fairshare.Agents.Tests.Jobs;

/// <summary>
/// Many inputs per job, as a person brings them: a folder of <c>.npy</c> files, a folder of <c>.npz</c> files, and a batch
/// the model fixes at one, each run as one job through the real runner and written back in the inputs' layout. The
/// expected values come from the plain C# reference MLP and from numpy, never from ONNX Runtime.
/// </summary>
public sealed class JobFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fairshare-jobfiles-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AFolderOfNpyFiles_RunsAsOneJob_AndComesBackAsAFolderNamedAlike()
    {
        var weights = MlpWeights.Generate(8, [16], 4, seed: 3);
        var model = OnnxModelBuilder.Mlp(weights);
        string input = Directory.CreateDirectory(Path.Combine(_root, "in")).FullName;
        var samples = new Dictionary<string, float[]>();
        foreach (var (name, seed) in new[] { ("cat", 1), ("dog", 2), ("bird", 3) })
        {
            var values = Values(2 * 8, seed);
            samples[name] = values;
            File.WriteAllBytes(Path.Combine(input, name + ".npy"), NpyFormat.Write(TensorData.Float32("x", [2, 8], values)));
        }

        var inputs = JobInputFiles.Load([$"x={input}"]);
        var outputs = Run(model, inputs);
        string outDir = Path.Combine(_root, "out");
        var files = JobOutputFiles.Write(outputs, outDir);

        Assert.Equal(JobLayout.Folder, inputs.Layout);
        Assert.Equal(["bird", "cat", "dog"], inputs.Items.Select(i => i.Name));
        Assert.Equal(["bird.npy", "cat.npy", "dog.npy"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (name, values) in samples)
        {
            var expected = ReferenceMlp.Forward(weights, values, batch: 2);
            var written = NpyFormat.Read(File.ReadAllBytes(Path.Combine(outDir, name + ".npy")), "y");
            Assert.True(written.IsOk, written.Message);
            Assert.Equal([2L, 4L], written.Value.Shape);
            var actual = written.Value.AsFloat32().ToArray();
            for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-5, $"{name}[{i}]: {actual[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void ABatchTheModelFixesAtOne_IsSplitIntoItems_PricedAsOneJob_AndStackedBack()
    {
        // y = x + 1 with x fixed at [1, 3]: four samples in one .npz cannot run at once.
        byte[] model = PythonModel("""
            x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3])
            y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])
            one = helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0])
            graph = helper.make_graph([helper.make_node("Add", ["x", "one"], ["y"])], "plus-one", [x], [y], [one])
            """);
        string npz = Path.Combine(_root, "batch.npz");
        Python.Run("""
            import sys, numpy as np
            np.savez(sys.argv[1], x=np.arange(12, dtype=np.float32).reshape(4, 3))
            """, npz);

        var loaded = JobInputFiles.Load([npz]);
        var prepared = JobChecks.Prepare(new JobRequest(model, loaded), MarketParams.Default);
        var outputs = Run(model, prepared.Inputs);
        string outDir = Path.Combine(_root, "out");
        JobOutputFiles.Write(outputs, outDir);

        Assert.Equal(JobLayout.Single, loaded.Layout);
        Assert.Equal(JobLayout.Stacked, prepared.Inputs.Layout);
        Assert.Equal(["0", "1", "2", "3"], prepared.Inputs.Items.Select(i => i.Name));
        // One job: four runs of 3 additions each (element operations, see docs/compute.md), at least one work unit.
        Assert.Equal(1UL, prepared.WorkUnits);
        string verdict = Python.Run("""
            import sys, numpy as np
            y = np.load(sys.argv[1])
            assert y.dtype == np.float32 and y.shape == (4, 3), (y.dtype, y.shape)
            assert np.array_equal(y, np.arange(12, dtype=np.float32).reshape(4, 3) + 1), y
            print("ok")
            """, Path.Combine(outDir, "y.npy"));
        Assert.Equal("ok", verdict.Trim());
    }

    [Fact]
    public void AFolderOfNpzFiles_FeedsEveryInput_AndAModelWithTwoOutputsGetsAFolderPerItem()
    {
        byte[] model = PythonModel("""
            a = helper.make_tensor_value_info("a", TensorProto.INT32, ["n"])
            b = helper.make_tensor_value_info("b", TensorProto.INT32, ["n"])
            s = helper.make_tensor_value_info("sum", TensorProto.INT32, ["n"])
            p = helper.make_tensor_value_info("product", TensorProto.INT32, ["n"])
            graph = helper.make_graph([helper.make_node("Add", ["a", "b"], ["sum"]), helper.make_node("Mul", ["a", "b"], ["product"])], "two", [a, b], [s, p])
            """);
        string input = Directory.CreateDirectory(Path.Combine(_root, "pairs")).FullName;
        Python.Run("""
            import sys, os, numpy as np
            np.savez(os.path.join(sys.argv[1], "first.npz"), a=np.array([1, 2, 3], dtype=np.int32), b=np.array([10, 20, 30], dtype=np.int32))
            np.savez(os.path.join(sys.argv[1], "second.npz"), a=np.array([-4, 5], dtype=np.int32), b=np.array([6, -7], dtype=np.int32))
            """, input);

        var outputs = Run(model, JobInputFiles.Load([input]));
        string outDir = Path.Combine(_root, "out");
        JobOutputFiles.Write(outputs, outDir);

        string verdict = Python.Run("""
            import sys, os, numpy as np
            d = sys.argv[1]
            def load(item, name): return np.load(os.path.join(d, item, name + ".npy"))
            assert load("first", "sum").tolist() == [11, 22, 33]
            assert load("first", "product").tolist() == [10, 40, 90]
            assert load("second", "sum").tolist() == [2, -2]
            assert load("second", "product").tolist() == [-24, -35]
            assert load("second", "sum").dtype == np.int32
            print("ok")
            """, outDir);
        Assert.Equal("ok", verdict.Trim());
    }

    [Fact]
    public void InputsThatCannotMakeAJob_AreRefused_WithInputArgument()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_root, "f1")).FullName;
        string other = Directory.CreateDirectory(Path.Combine(_root, "f2")).FullName;
        string file = Path.Combine(_root, "x.npy");
        byte[] npy = NpyFormat.Write(TensorData.Float32("x", [1], [1f]));
        File.WriteAllBytes(file, npy);
        File.WriteAllBytes(Path.Combine(folder, "one.npy"), npy);
        File.WriteAllBytes(Path.Combine(other, "two.npy"), npy);

        Assert.Equal(JobErrors.InputArgument, Assert.Throws<JobException>(() => JobInputFiles.Load([$"x={folder}", $"y={file}"])).Code);
        Assert.Equal(JobErrors.InputArgument, Assert.Throws<JobException>(() => JobInputFiles.Load([$"x={folder}", $"y={other}"])).Code);
        Assert.Equal(JobErrors.InputArgument, Assert.Throws<JobException>(() => JobInputFiles.Load([file])).Code);
        Assert.Equal(JobErrors.InputArgument, Assert.Throws<JobException>(() => JobInputFiles.Load([$"x={file}", $"x={file}"])).Code);
        Assert.Equal(JobErrors.FileUnreadable, Assert.Throws<JobException>(() => JobInputFiles.Load([$"x={Path.Combine(_root, "absent.npy")}"])).Code);
        Assert.Equal(JobErrors.InputArgument, Assert.Throws<JobException>(() => JobInputFiles.Load([])).Code);
    }

    [Fact]
    public void OutputNamesThatCouldLeaveTheFolder_AreRefused()
    {
        var outputs = JobTensors.Single([TensorData.Float32("../escape", [1], [1f])]);
        var folder = new JobTensors(JobLayout.Folder, [new JobItem("ok", [TensorData.Float32("y", [1], [1f])])], Compute.ComputeError.None);

        var escape = Assert.Throws<JobException>(() => JobOutputFiles.Write(outputs, Path.Combine(_root, "out")));
        var archive = Assert.Throws<JobException>(() => JobOutputFiles.Write(folder, Path.Combine(_root, "out.npz")));

        Assert.Equal(JobErrors.OutputUnavailable, escape.Code);
        Assert.False(File.Exists(Path.Combine(_root, "escape.npy")));
        Assert.Equal(JobErrors.BadRequest, archive.Code);
    }

    private static JobTensors Run(byte[] model, JobTensors inputs)
    {
        using var runner = new OnnxJobRunner();
        var result = runner.Run(model, inputs.Encode());
        Assert.True(result.IsOk, result.Message);
        var decoded = JobTensors.Decode(result.Output);
        Assert.True(decoded.IsOk, decoded.Message);
        return decoded.Value;
    }

    /// <summary>A model from python3-onnx's helper (an independent builder): <paramref name="graph"/> defines <c>graph</c>.</summary>
    private static byte[] PythonModel(string graph) => Convert.FromHexString(Python.Run(
        "import sys, onnx\nfrom onnx import helper, TensorProto\n" + graph.Replace("\r", "") +
        "\nm = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 17)])\nm.ir_version = 8\nsys.stdout.write(m.SerializeToString().hex())\n").Trim());

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }
}
