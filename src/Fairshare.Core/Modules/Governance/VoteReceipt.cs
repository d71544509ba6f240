using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>A voter's ballot on one proposal (GovernorBravo's <c>Receipt</c>).</summary>
/// <param name="Support">0 against, 1 for, 2 abstain.</param>
/// <param name="Votes">The weight added to the tally, under the proposal's voting rule.</param>
public sealed record VoteReceipt(byte Support, Amount Votes)
{
    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(40);
        writer.WriteU8(Support);
        writer.WriteAmount(Votes);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static VoteReceipt Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var result = new VoteReceipt(reader.ReadU8(), reader.ReadAmount());
        reader.ExpectEnd();
        return reader.Ok ? result : throw new InvalidOperationException($"stored vote receipt does not decode: {reader.Error}");
    }
}
