using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Tensors;

/// <summary>Assertions on tensor contents (the records compare their arrays by reference).</summary>
internal static class TensorAssert
{
    /// <summary>Same name, element type, shape and bytes.</summary>
    public static void Same(TensorData expected, TensorData actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Data, actual.Data);
    }

    /// <summary>The same tensors in the same order.</summary>
    public static void Same(IReadOnlyList<TensorData> expected, IReadOnlyList<TensorData> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Same(expected[i], actual[i]);
    }

    /// <summary>Same layout, fault and items (names and tensors, in order).</summary>
    public static void Same(JobTensors expected, JobTensors actual)
    {
        Assert.Equal(expected.Layout, actual.Layout);
        Assert.Equal(expected.Fault, actual.Fault);
        Assert.Equal(expected.Items.Select(i => i.Name), actual.Items.Select(i => i.Name));
        for (int i = 0; i < expected.Items.Length; i++) Same(expected.Items[i].Tensors, actual.Items[i].Tensors);
    }
}
