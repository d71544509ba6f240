using System.Collections.Immutable;
using System.Globalization;
using Fairshare.Compute.Tensors;
using FsCheck;
using FsCheck.Fluent;

namespace Fairshare.Compute.Tests.Tensors;

/// <summary>
/// FsCheck generators of tensors and job values: every element type, ranks 0–4, dimensions that grow with the size
/// (0 included, so empty tensors occur), and random element bytes (bool bytes 0 or 1). Float bytes are raw, so NaNs
/// with any payload, infinities and subnormals occur too.
/// </summary>
public static class TensorGenerators
{
    /// <summary>Every element type.</summary>
    public static readonly TensorElementType[] AllTypes = Enum.GetValues<TensorElementType>();

    private static readonly string[] Names = ["x", "input_1", "naïve ✓", "y", "mask", "logits", "ids", "t"];

    /// <summary>The arbitrary FsCheck uses for <see cref="TensorData"/> parameters.</summary>
    public static Arbitrary<TensorData> AnyTensor() => Arb.From(Tensor("t"));

    /// <summary>The arbitrary FsCheck uses for <see cref="JobTensors"/> parameters.</summary>
    public static Arbitrary<JobTensors> AnyJob() => Arb.From(Job());

    /// <summary>A tensor named <paramref name="name"/> of any element type.</summary>
    public static Gen<TensorData> Tensor(string name) =>
        from type in Gen.Elements(AllTypes)
        from tensor in Tensor(name, type)
        select tensor;

    /// <summary>A tensor named <paramref name="name"/> of <paramref name="type"/>.</summary>
    public static Gen<TensorData> Tensor(string name, TensorElementType type) =>
        from rank in Gen.Choose(0, 4)
        from shape in Gen.Sized(size => Gen.ArrayOf(Gen.Choose(0, Math.Clamp(size / 8, 1, 6)), rank))
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255), ByteCount(type, shape))
        select TensorData.Create(name, type, [.. shape.Select(d => (long)d)], Bytes(type, bytes));

    /// <summary>Up to four tensors with distinct names.</summary>
    public static Gen<ImmutableArray<TensorData>> TensorList() =>
        from names in Gen.SubListOf(Names)
        from tensors in Gen.CollectToArray(names.Take(4), Tensor)
        select ImmutableArray.Create(tensors);

    /// <summary>A job value of any layout, now and then a fault.</summary>
    public static Gen<JobTensors> Job() =>
        from layout in Gen.Elements(JobLayout.Single, JobLayout.Folder, JobLayout.Stacked)
        from faulty in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        from fault in Gen.Choose(1, ushort.MaxValue)
        from job in faulty ? Gen.Constant(JobTensors.Failed(layout, (ComputeError)fault)) : Items(layout)
        select job;

    private static Gen<JobTensors> Items(JobLayout layout) =>
        from count in layout == JobLayout.Single ? Gen.Constant(1) : Gen.Choose(1, 4)
        from names in ItemNames(layout, count)
        from lists in Gen.CollectToArray(names, _ => TensorList())
        select new JobTensors(layout, [.. names.Zip(lists, (n, t) => new JobItem(n, t))], ComputeError.None);

    private static Gen<string[]> ItemNames(JobLayout layout, int count) => layout switch
    {
        JobLayout.Single => Gen.Elements("", "only", "ünïcode").Select(name => new[] { name }),
        JobLayout.Stacked => Gen.Constant(Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()),
        _ => Gen.Shuffle(["", "cat", "dog", "0001", "b c", "日本"]).Select(names => names.Take(count).ToArray()),
    };

    private static int ByteCount(TensorElementType type, int[] shape) =>
        shape.Aggregate(1, (p, d) => p * d) * TensorData.ElementSize(type);

    private static byte[] Bytes(TensorElementType type, int[] values) =>
        [.. values.Select(v => type == TensorElementType.Bool ? (byte)(v & 1) : (byte)v)];
}
