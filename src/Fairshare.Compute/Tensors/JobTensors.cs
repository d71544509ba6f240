using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// What a job's input or output blob holds: items of named tensors in a <see cref="JobLayout"/>, each run on its own,
/// or a recorded fault with no items. A single unnamed item without a fault is written as a version 1 blob
/// (<see cref="TensorBlob"/>), so existing content addresses stay the same; everything else as version 2. All integers
/// little-endian:
/// <code>
/// "FSTB"          4 bytes magic
/// version         u8, = 2
/// layout          u8, a JobLayout
/// fault           u16, a ComputeError; 0 = none
/// itemCount       u32: 0 with a fault, otherwise 1..MaxItems (exactly 1 for Single)
/// itemCount times:
///   nameLength    u16, 0..TensorBlob.MaxNameBytes
///   name          nameLength bytes of UTF-8, unique; Stacked items are "0", "1", … in order
///   tensorCount   u32, then that many tensors exactly as in version 1
/// </code>
/// Nothing may follow the last item, and a value that version 1 can hold is refused as version 2, so the encoding is
/// unique and equal values have equal content addresses.
/// </summary>
/// <param name="Layout">How the items divide the job.</param>
/// <param name="Items">The items in blob order; empty for a fault.</param>
/// <param name="Fault">Why the job failed, or <see cref="ComputeError.None"/>.</param>
public sealed record JobTensors(JobLayout Layout, ImmutableArray<JobItem> Items, ComputeError Fault)
{
    /// <summary>The format version of blobs that version 1 cannot hold.</summary>
    public const byte Version = 2;

    /// <summary>The most items one blob may hold.</summary>
    public const int MaxItems = 4096;

    private const int HeaderSize = 4 + 1 + 1 + 2 + 4;

    /// <summary>True when this records a fault instead of items.</summary>
    public bool IsFault => Fault != ComputeError.None;

    /// <summary>One unnamed item holding <paramref name="tensors"/>: the value of a version 1 blob.</summary>
    public static JobTensors Single(IReadOnlyList<TensorData> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        return new JobTensors(JobLayout.Single, [new JobItem("", [.. tensors])], ComputeError.None);
    }

    /// <summary>A recorded fault of a job with <paramref name="layout"/>: no items.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An unknown layout, or a fault that is <see cref="ComputeError.None"/> or does not fit the blob's u16.
    /// </exception>
    public static JobTensors Failed(JobLayout layout, ComputeError fault)
    {
        if (!Enum.IsDefined(layout)) throw new ArgumentOutOfRangeException(nameof(layout), layout, "unknown layout");
        if (fault == ComputeError.None || (int)fault is < 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(fault), fault, "a fault is a ComputeError other than None, at most 65535");
        return new JobTensors(layout, [], fault);
    }

    /// <summary>The item named <paramref name="name"/> (ordinal), or null.</summary>
    public JobItem? Find(string name) => Items.FirstOrDefault(i => i.Name == name);

    /// <summary>This value's bytes: a version 1 blob for one unnamed item without a fault, otherwise version 2.</summary>
    /// <exception cref="ArgumentException">
    /// The value breaks a rule of the format: an unknown layout, a fault with items, no items or more than
    /// <see cref="MaxItems"/>, a Single layout with more than one item, an item name that is too long, not UTF-8,
    /// repeated or (Stacked) not its index, or a tensor list <see cref="TensorBlob.Encode(IReadOnlyList{TensorData})"/>
    /// refuses.
    /// </exception>
    public byte[] Encode()
    {
        if (!Enum.IsDefined(Layout) || Items.IsDefault) throw new ArgumentException($"layout {Layout} is unknown or the items are missing");
        if (IsFault) return EncodeFault();
        if (Items.Length is 0 or > MaxItems || (Layout == JobLayout.Single && Items.Length != 1))
            throw new ArgumentException($"{Items.Length} items in layout {Layout} (1..{MaxItems}; exactly 1 for Single)");
        if (Layout == JobLayout.Single && Items[0].Name.Length == 0) return TensorBlob.Encode(Items[0].Tensors);

        HashSet<string> names = new(StringComparer.Ordinal);
        long size = HeaderSize;
        for (int i = 0; i < Items.Length; i++)
        {
            var item = Items[i];
            int nameBytes = TensorWire.NameByteCount(item.Name);
            if (nameBytes is < 0 or > TensorBlob.MaxNameBytes || !names.Add(item.Name))
                throw new ArgumentException($"item name '{item.Name}' is longer than {TensorBlob.MaxNameBytes} bytes, not UTF-8 or repeated");
            if (Layout == JobLayout.Stacked && item.Name != IndexName(i))
                throw new ArgumentException($"stacked item {i} is named '{item.Name}', not '{IndexName(i)}'");
            size += 2 + nameBytes + TensorWire.Measure(item.Tensors, nameof(Items));
        }

        // Every byte is written below, so the array need not be zeroed first.
        var blob = GC.AllocateUninitializedArray<byte>(checked((int)size));
        WriteHeader(blob, (uint)Items.Length);
        int at = HeaderSize;
        foreach (var item in Items)
        {
            int nameBytes = TensorWire.StrictUtf8.GetBytes(item.Name, blob.AsSpan(at + 2));
            BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(at), (ushort)nameBytes);
            at += 2 + nameBytes;
            at += TensorWire.Write(blob.AsSpan(at), item.Tensors);
        }

        return blob;
    }

    /// <summary>
    /// Decodes a version 1 blob (one unnamed <see cref="JobLayout.Single"/> item) or a version 2 blob. Every malformed
    /// input comes back as a failure with its <see cref="ComputeError"/>; it never throws. A version 2 fault code this
    /// program does not know is kept as it is (codes are only ever added).
    /// </summary>
    public static ComputeResult<JobTensors> Decode(ReadOnlySpan<byte> blob)
    {
        var slices = DecodeSlices(blob);
        if (!slices.IsOk) return slices.As<JobTensors>();
        var items = ImmutableArray.CreateBuilder<JobItem>(slices.Value.Items.Length);
        foreach (var item in slices.Value.Items) items.Add(new JobItem(item.Name, TensorWire.Materialize(blob, item.Tensors)));
        return ComputeResult<JobTensors>.Ok(new JobTensors(slices.Value.Layout, items.MoveToImmutable(), slices.Value.Fault));
    }

    /// <summary>
    /// Decodes and checks a blob exactly as <see cref="Decode"/> does, but leaves every tensor's data in
    /// <paramref name="blob"/>: each <see cref="TensorSlice"/> says where it lies. Never throws.
    /// </summary>
    public static ComputeResult<JobTensorSlices> DecodeSlices(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 5) return FailSlices(ComputeError.BlobTruncated, $"{blob.Length} bytes is shorter than magic and version");
        if (!blob[..4].SequenceEqual(TensorBlob.Magic)) return FailSlices(ComputeError.BlobBadMagic, "the blob does not start with \"FSTB\"");
        switch (blob[4])
        {
            case TensorBlob.Version:
                if (blob.Length < TensorBlob.HeaderSize) return FailSlices(ComputeError.BlobTruncated, $"{blob.Length} bytes is shorter than the {TensorBlob.HeaderSize}-byte header");
                int at = 5;
                var tensors = TensorWire.ReadSlices(blob, ref at);
                if (!tensors.IsOk) return tensors.As<JobTensorSlices>();
                if (at != blob.Length) return FailSlices(ComputeError.BlobTrailingBytes, $"{blob.Length - at} bytes after the last tensor");
                return ComputeResult<JobTensorSlices>.Ok(new JobTensorSlices(JobLayout.Single, [new JobItemSlices("", tensors.Value)], ComputeError.None));
            case Version:
                return DecodeVersion2(blob);
            default:
                return FailSlices(ComputeError.BlobUnsupportedVersion, $"format version {blob[4]} (this program reads {TensorBlob.Version} and {Version})");
        }
    }

    /// <summary>
    /// Splits a batch into <see cref="JobLayout.Stacked"/> items: item i holds slice i along axis 0 of every tensor (same
    /// names, the shape without its first dimension).
    /// </summary>
    /// <returns>
    /// The items, or <see cref="ComputeError.BatchEmpty"/> (no tensors, or axis 0 of length 0),
    /// <see cref="ComputeError.BatchShapeMismatch"/> (a scalar, or tensors whose axis 0 lengths differ) or
    /// <see cref="ComputeError.BatchTooManyItems"/> (axis 0 longer than <see cref="MaxItems"/>).
    /// </returns>
    public static ComputeResult<JobTensors> SplitBatch(IReadOnlyList<TensorData> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) return Fail(ComputeError.BatchEmpty, "no tensors to split");
        var scalar = tensors.FirstOrDefault(t => t.Shape.Length == 0);
        if (scalar is not null) return Fail(ComputeError.BatchShapeMismatch, $"tensor '{scalar.Name}' is a scalar and has no batch axis");
        long count = tensors[0].Shape[0];
        var other = tensors.FirstOrDefault(t => t.Shape[0] != count);
        if (other is not null)
        {
            return Fail(ComputeError.BatchShapeMismatch,
                $"tensor '{other.Name}' has {other.Shape[0]} rows along axis 0, tensor '{tensors[0].Name}' {count}");
        }

        if (count == 0) return Fail(ComputeError.BatchEmpty, "the batch axis has length 0");
        if (count > MaxItems) return Fail(ComputeError.BatchTooManyItems, $"a batch of {count} (at most {MaxItems} items)");

        var items = ImmutableArray.CreateBuilder<JobItem>((int)count);
        for (int i = 0; i < count; i++)
        {
            var slices = tensors.Select(t =>
            {
                int sliceBytes = t.Data.Length / (int)count;
                return new TensorData(t.Name, t.Type, t.Shape[1..], t.Data.AsSpan(i * sliceBytes, sliceBytes).ToArray());
            });
            items.Add(new JobItem(IndexName(i), [.. slices]));
        }

        return ComputeResult<JobTensors>.Ok(new JobTensors(JobLayout.Stacked, items.MoveToImmutable(), ComputeError.None));
    }

    /// <summary>
    /// Stacks the items back into one batch, the inverse of <see cref="SplitBatch"/>: every tensor of the first item,
    /// in its order, with a new axis 0 holding the items in item order. Works for any layout whose items hold tensors
    /// of the same names, element types and shapes.
    /// </summary>
    /// <returns>
    /// The tensors, or this value's fault, <see cref="ComputeError.BatchEmpty"/> (no items),
    /// <see cref="ComputeError.BatchShapeMismatch"/> (items that differ in tensor names, types or shapes) or
    /// <see cref="ComputeError.BatchRankTooLarge"/> (a stacked rank above <see cref="TensorBlob.MaxRank"/>).
    /// </returns>
    public ComputeResult<IReadOnlyList<TensorData>> StackItems()
    {
        if (IsFault) return Stacked(Fault, $"the job failed ({Fault}); there is nothing to stack");
        if (Items.IsDefaultOrEmpty) return Stacked(ComputeError.BatchEmpty, "no items to stack");
        var first = Items[0];
        foreach (var item in Items.Skip(1))
        {
            if (item.Tensors.Length != first.Tensors.Length)
                return Stacked(ComputeError.BatchShapeMismatch, $"item '{item.Name}' has {item.Tensors.Length} tensors, item '{first.Name}' {first.Tensors.Length}");
            foreach (var tensor in first.Tensors)
            {
                var match = item.Find(tensor.Name);
                if (match is null || match.Type != tensor.Type || !match.Shape.AsSpan().SequenceEqual(tensor.Shape))
                {
                    string found = match is null ? "none" : $"{match.Type} {match.ShapeText}";
                    return Stacked(ComputeError.BatchShapeMismatch,
                        $"item '{item.Name}': tensor '{tensor.Name}' is {found}, item '{first.Name}' has {tensor.Type} {tensor.ShapeText}");
                }
            }
        }

        var tooDeep = first.Tensors.FirstOrDefault(t => t.Shape.Length >= TensorBlob.MaxRank);
        if (tooDeep is not null)
            return Stacked(ComputeError.BatchRankTooLarge, $"tensor '{tooDeep.Name}' has rank {tooDeep.Shape.Length}; stacked it would exceed {TensorBlob.MaxRank}");

        var stacked = new List<TensorData>(first.Tensors.Length);
        foreach (var tensor in first.Tensors)
        {
            var data = new byte[checked(tensor.Data.Length * Items.Length)];
            for (int i = 0; i < Items.Length; i++) Items[i].Find(tensor.Name)!.Data.CopyTo(data, i * tensor.Data.Length);
            stacked.Add(new TensorData(tensor.Name, tensor.Type, [Items.Length, .. tensor.Shape], data));
        }

        return ComputeResult<IReadOnlyList<TensorData>>.Ok(stacked);
    }

    private static ComputeResult<JobTensorSlices> DecodeVersion2(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < HeaderSize) return FailSlices(ComputeError.BlobTruncated, $"{blob.Length} bytes is shorter than the {HeaderSize}-byte version 2 header");
        var layout = (JobLayout)blob[5];
        if (!Enum.IsDefined(layout)) return FailSlices(ComputeError.BlobUnknownLayout, $"unknown layout {blob[5]}");
        var fault = (ComputeError)BinaryPrimitives.ReadUInt16LittleEndian(blob[6..]);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(blob[8..]);
        if (fault != ComputeError.None)
        {
            if (count != 0) return FailSlices(ComputeError.BlobFaultWithItems, $"fault {(int)fault} with {count} items");
            return blob.Length == HeaderSize
                ? ComputeResult<JobTensorSlices>.Ok(new JobTensorSlices(layout, [], fault))
                : FailSlices(ComputeError.BlobTrailingBytes, $"{blob.Length - HeaderSize} bytes after the fault");
        }

        if (count is 0 or > MaxItems || (layout == JobLayout.Single && count != 1))
            return FailSlices(ComputeError.BlobBadItemCount, $"{count} items in layout {layout} (1..{MaxItems}; exactly 1 for Single)");

        var items = ImmutableArray.CreateBuilder<JobItemSlices>((int)count);
        HashSet<string> names = new(StringComparer.Ordinal);
        int at = HeaderSize;
        for (int index = 0; index < count; index++)
        {
            if (blob.Length - at < 2) return FailSlices(ComputeError.BlobTruncated, $"item {index}: the blob ends inside its name length");
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(blob[at..]);
            at += 2;
            if (nameLength > TensorBlob.MaxNameBytes) return FailSlices(ComputeError.BlobBadItemName, $"item {index}: name length {nameLength} (at most {TensorBlob.MaxNameBytes})");
            if (blob.Length - at < nameLength) return FailSlices(ComputeError.BlobTruncated, $"item {index}: the blob ends inside its name");
            if (!TensorWire.TryDecodeName(blob.Slice(at, nameLength), out string name))
                return FailSlices(ComputeError.BlobBadItemName, $"item {index}: the name is not valid UTF-8");
            at += nameLength;
            if (layout == JobLayout.Single && name.Length == 0)
                return FailSlices(ComputeError.BlobNotCanonical, "one unnamed Single item without a fault must be a version 1 blob");
            if (layout == JobLayout.Stacked && name != IndexName(index))
                return FailSlices(ComputeError.BlobStackedItemName, $"stacked item {index} is named \"{name}\", not \"{IndexName(index)}\"");
            if (!names.Add(name)) return FailSlices(ComputeError.BlobDuplicateItemName, $"item {index}: the name \"{name}\" is repeated");

            var tensors = TensorWire.ReadSlices(blob, ref at);
            if (!tensors.IsOk) return FailSlices(tensors.Error, $"item \"{name}\": {tensors.Message}");
            items.Add(new JobItemSlices(name, tensors.Value));
        }

        if (at != blob.Length) return FailSlices(ComputeError.BlobTrailingBytes, $"{blob.Length - at} bytes after the last item");
        return ComputeResult<JobTensorSlices>.Ok(new JobTensorSlices(layout, items.MoveToImmutable(), ComputeError.None));
    }

    private byte[] EncodeFault()
    {
        if (!Items.IsEmpty) throw new ArgumentException($"fault {Fault} with {Items.Length} items");
        if ((int)Fault is < 0 or > ushort.MaxValue) throw new ArgumentException($"fault {(int)Fault} does not fit a u16");
        var blob = new byte[HeaderSize];
        WriteHeader(blob, 0);
        return blob;
    }

    private void WriteHeader(Span<byte> blob, uint itemCount)
    {
        TensorBlob.Magic.CopyTo(blob);
        blob[4] = Version;
        blob[5] = (byte)Layout;
        BinaryPrimitives.WriteUInt16LittleEndian(blob[6..], (ushort)Fault);
        BinaryPrimitives.WriteUInt32LittleEndian(blob[8..], itemCount);
    }

    private static string IndexName(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static ComputeResult<JobTensors> Fail(ComputeError error, string message) => ComputeResult<JobTensors>.Fail(error, message);

    private static ComputeResult<JobTensorSlices> FailSlices(ComputeError error, string message) => ComputeResult<JobTensorSlices>.Fail(error, message);

    private static ComputeResult<IReadOnlyList<TensorData>> Stacked(ComputeError error, string message) =>
        ComputeResult<IReadOnlyList<TensorData>>.Fail(error, message);
}
