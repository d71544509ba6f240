using System.Collections.Immutable;
using Fairshare.Core.Encoding;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>Steps run in order; if one fails, none of them leaves a trace. Batches do not nest.</summary>
public sealed record BatchPayload(ImmutableArray<TxPayload> Steps) : TxPayload
{
    /// <summary>The most steps a batch may hold.</summary>
    public const int MaxSteps = 16;

    /// <inheritdoc/>
    public override TxKind Kind => TxKind.Batch;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)Steps.Length);
        foreach (var step in Steps) step.Encode(writer);
    }

    /// <inheritdoc/>
    public bool Equals(BatchPayload? other) => other is not null && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc/>
    public override int GetHashCode() => Steps.Length;
}
