using Fairshare.Compute.Models;
using Fairshare.Compute.Tensors;
using static Fairshare.Compute.Models.OnnxGraphBuilder;

namespace Fairshare.Compute.Tests.Runtime;

/// <summary>Small generated ONNX models over any element type, for runner tests.</summary>
internal static class TestModels
{
    /// <summary>
    /// Input <c>x</c> of <paramref name="type"/> [batch, 3]; outputs <c>same</c> = Identity(x) (the same type) and
    /// <c>wide</c> = Cast(x) to float64.
    /// </summary>
    public static byte[] IdentityAndCast(TensorElementType type)
    {
        var graph = new OnnxGraphBuilder("identity_and_cast");
        graph.Input("x", type, [null, 3]);
        graph.Node("Identity", ["x"], "same");
        graph.Node("Cast", ["x"], "wide", Int("to", (long)TensorElementType.Float64));
        graph.Output("same", type, [null, 3]);
        graph.Output("wide", TensorElementType.Float64, [null, 3]);
        return graph.Build();
    }

    /// <summary>Input <c>x</c> of <paramref name="type"/> with <paramref name="shape"/>; output <c>y</c> = x + x.</summary>
    public static byte[] Doubling(TensorElementType type, long?[] shape)
    {
        var graph = new OnnxGraphBuilder("doubling");
        graph.Input("x", type, shape);
        graph.Node("Add", ["x", "x"], "y");
        graph.Output("y", type, shape);
        return graph.Build();
    }
}
