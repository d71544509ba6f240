using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>
/// FSH on its way out of a pool, held in <see cref="StakingStore.UnbondingAccount"/> of its provider. Until
/// <see cref="CompletionHeight"/> it is still slashable for the provider's faults; from then on its owner may withdraw it.
/// </summary>
/// <param name="Id">The entry's number, from 1, in creation order.</param>
/// <param name="Provider">The pool the tokens left.</param>
/// <param name="Account">Who receives the tokens.</param>
/// <param name="Tokens">FSH still held for the owner (after any slashing).</param>
/// <param name="CompletionHeight">The first height at which the entry can be withdrawn.</param>
public sealed record UnbondingEntry(uint Id, Address Provider, Address Account, Amount Tokens, ulong CompletionHeight)
{
    /// <summary>Whether the entry has completed by <paramref name="height"/> (withdrawable, no longer slashable).</summary>
    public bool IsComplete(ulong height) => height >= CompletionHeight;

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(96);
        writer.WriteU32(Id);
        writer.WriteAddress(Provider);
        writer.WriteAddress(Account);
        writer.WriteAmount(Tokens);
        writer.WriteU64(CompletionHeight);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static UnbondingEntry Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var entry = new UnbondingEntry(reader.ReadU32(), reader.ReadAddress(), reader.ReadAddress(), reader.ReadAmount(), reader.ReadU64());
        reader.ExpectEnd();
        return reader.Ok ? entry : throw new InvalidOperationException($"stored unbonding entry does not decode: {reader.Error}");
    }
}
