namespace Fairshare.Testing;

/// <summary>
/// ONNX models a stranger could submit to hurt a provider, built once per test run with Debian's python3-onnx
/// (<c>onnx.helper</c>, checked by <c>onnx.checker</c>), opset 17, IR 8.
/// </summary>
public static class HostileModels
{
    private static readonly Lazy<(byte[] Loop, byte[] Hog)> Built = new(Build);

    /// <summary>
    /// Runs as long as its client says: a <c>Loop</c> of <c>n</c> iterations (input <c>n</c>, int64 scalar) of
    /// <c>v = tanh(v · W)</c> on <c>x</c> (float32 [64, 64]), output <c>y</c> [64, 64].
    /// </summary>
    public static byte[] SlowLoop => Built.Value.Loop;

    /// <summary>
    /// Takes as much memory as its client says: <c>ConstantOfShape(shape)</c> (input <c>shape</c>, int64 [1]) of ones,
    /// added to itself (a second tensor as large), summed into output <c>total</c> (float32 scalar).
    /// </summary>
    public static byte[] MemoryHog => Built.Value.Hog;

    private const string Script = """
        import sys
        import numpy as np
        import onnx
        from onnx import TensorProto, helper, numpy_helper

        def save(graph, path):
            model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="Fairshare.Testing")
            model.ir_version = 8
            onnx.checker.check_model(model)
            onnx.save(model, path)

        w = numpy_helper.from_array((np.eye(64, dtype=np.float32) * 0.9 + 0.01).astype(np.float32), "w")
        body = helper.make_graph(
            [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
             helper.make_node("MatMul", ["v_in", "w"], ["product"]),
             helper.make_node("Tanh", ["product"], ["v_out"])],
            "body",
            [helper.make_tensor_value_info("i", TensorProto.INT64, []),
             helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
             helper.make_tensor_value_info("v_in", TensorProto.FLOAT, [64, 64])],
            [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
             helper.make_tensor_value_info("v_out", TensorProto.FLOAT, [64, 64])],
            [w])
        save(helper.make_graph(
            [helper.make_node("Loop", ["n", "", "x"], ["y"], body=body)],
            "slow_loop",
            [helper.make_tensor_value_info("n", TensorProto.INT64, []),
             helper.make_tensor_value_info("x", TensorProto.FLOAT, [64, 64])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, [64, 64])]), sys.argv[1])

        save(helper.make_graph(
            [helper.make_node("ConstantOfShape", ["shape"], ["ones"], value=helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0])),
             helper.make_node("Add", ["ones", "ones"], ["twos"]),
             helper.make_node("ReduceSum", ["twos"], ["total"], keepdims=0)],
            "memory_hog",
            [helper.make_tensor_value_info("shape", TensorProto.INT64, [1])],
            [helper.make_tensor_value_info("total", TensorProto.FLOAT, [])]), sys.argv[2])
        """;

    private static (byte[], byte[]) Build()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"fairshare-hostile-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string loop = Path.Combine(folder, "loop.onnx"), hog = Path.Combine(folder, "hog.onnx");
            Python.Run(Script, loop, hog);
            return (File.ReadAllBytes(loop), File.ReadAllBytes(hog));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
