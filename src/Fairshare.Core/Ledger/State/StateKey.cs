using System.Buffers.Binary;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// The key of one module record: a module byte, a table byte and an id, compared byte by byte. Records are iterated
/// in this order for the state root and snapshots, so the order never depends on hashing.
/// </summary>
public readonly struct StateKey : IEquatable<StateKey>, IComparable<StateKey>
{
    private readonly byte[] _bytes;

    private StateKey(byte[] bytes) => _bytes = bytes;

    /// <summary>The longest key accepted (module, table and a 64-byte id).</summary>
    public const int MaxLength = 66;

    /// <summary>The key's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The owning module.</summary>
    public byte Module => _bytes[0];

    /// <summary>The table inside the module.</summary>
    public byte Table => _bytes[1];

    /// <summary>A key with no id (a module's singleton record, such as its parameters).</summary>
    public static StateKey Of(byte module, byte table) => new([module, table]);

    /// <summary>A key with a numeric id, big-endian so numeric order is byte order.</summary>
    public static StateKey Of(byte module, byte table, uint id)
    {
        var bytes = new byte[6];
        (bytes[0], bytes[1]) = (module, table);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), id);
        return new StateKey(bytes);
    }

    /// <summary>A key for an account inside a numbered object (a market position, a farm stake).</summary>
    public static StateKey Of(byte module, byte table, uint id, Address account)
    {
        var bytes = new byte[6 + Address.Size];
        (bytes[0], bytes[1]) = (module, table);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), id);
        account.CopyTo(bytes.AsSpan(6));
        return new StateKey(bytes);
    }

    /// <summary>A key with two numeric ids (an index over a pair of assets).</summary>
    public static StateKey Of(byte module, byte table, uint id, uint second)
    {
        var bytes = new byte[10];
        (bytes[0], bytes[1]) = (module, table);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), id);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(6), second);
        return new StateKey(bytes);
    }

    /// <summary>A key for an account-wide record.</summary>
    public static StateKey Of(byte module, byte table, Address account)
    {
        var bytes = new byte[2 + Address.Size];
        (bytes[0], bytes[1]) = (module, table);
        account.CopyTo(bytes.AsSpan(2));
        return new StateKey(bytes);
    }

    /// <summary>A key from raw bytes (snapshots); null when the length is out of range.</summary>
    public static StateKey? FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length is >= 2 and <= MaxLength ? new StateKey(bytes.ToArray()) : null;

    /// <inheritdoc/>
    public int CompareTo(StateKey other) => Bytes.SequenceCompareTo(other.Bytes);

    /// <inheritdoc/>
    public bool Equals(StateKey other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StateKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(StateKey left, StateKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(StateKey left, StateKey right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(StateKey left, StateKey right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(StateKey left, StateKey right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(StateKey left, StateKey right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(StateKey left, StateKey right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public override string ToString() => Convert.ToHexStringLower(_bytes);
}
