using Fairshare.Core.Encoding;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>What a transaction does. Each kind has a stable one-byte tag (<c>docs/protocol/encoding.md</c>).</summary>
public abstract record TxPayload
{
    /// <summary>The payload's type tag.</summary>
    public abstract TxKind Kind { get; }

    /// <summary>Writes the tag and the fields.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU8((byte)Kind);
        EncodeFields(writer);
    }

    /// <summary>Writes the fields after the tag.</summary>
    protected abstract void EncodeFields(CanonicalWriter writer);
}
