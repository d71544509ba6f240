using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>
/// A light read of one account: an <see cref="AccountProof"/> at a node's committed head with the header of the block
/// at that height and the validator signatures the node holds for it (no transactions). At height 0 there is no block:
/// <see cref="Header"/> is null and nothing is signed.
/// </summary>
/// <param name="ChainId">The chain the proof is about (the header's, when there is one).</param>
/// <param name="Proof">The account proof against the header's state root.</param>
/// <param name="Header">The header of the block at the head, or null at height 0.</param>
/// <param name="Signatures">Validator signatures of the header (none without a header).</param>
public sealed record SignedAccountProof(string ChainId, AccountProof Proof, BlockHeader? Header, ImmutableArray<BlockSignature> Signatures)
{
    /// <summary>The encoding version written first.</summary>
    public const byte Version = 1;

    /// <summary>The largest encoding accepted: a proof and a header with its signatures.</summary>
    public const int MaxSize = AccountProof.MaxSize + (64 * 1024);

    /// <summary>The proof of <paramref name="address"/> in <paramref name="state"/>, with the header of the state's head block and its signatures.</summary>
    public static SignedAccountProof Create(LedgerState state, Address address, BlockHeader? header, IEnumerable<BlockSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signatures);
        return new SignedAccountProof(state.ChainId, state.ProveAccount(address), header, header is null ? [] : [.. signatures]);
    }

    /// <summary>The height the proof is at: the header's, or 0 without one.</summary>
    public ulong Height => Header?.Height ?? 0;

    /// <summary>
    /// Checks everything a light client can: the header names <see cref="ChainId"/> (else
    /// <see cref="ResultCode.BlockWrongChainId"/>); the proof verifies against the header's state root
    /// (<see cref="AccountProof.Verify"/>); the header's proposer is a validator of the proven globals, and of
    /// <paramref name="trustedValidators"/> when given, and one of <see cref="Signatures"/> is its valid signature of the
    /// header (else <see cref="ResultCode.BadBlockSignature"/>, also when there is no header at all).
    /// </summary>
    public ResultCode Verify(IReadOnlyCollection<PublicKey>? trustedValidators, out ProvenAccount? account)
    {
        account = null;
        if (Header is not { } header) return ResultCode.BadBlockSignature;
        if (!string.Equals(header.ChainId, ChainId, StringComparison.Ordinal)) return ResultCode.BlockWrongChainId;
        var code = Proof.Verify(header.StateRoot, out var proven);
        if (code != ResultCode.Ok) return code;
        var proposer = header.Proposer;
        bool signed = proven!.Globals.Validators.Contains(proposer)
            && (trustedValidators is null || trustedValidators.Contains(proposer))
            && Signatures.Any(s => s.Validator == proposer && s.Verify(header));
        if (!signed) return ResultCode.BadBlockSignature;
        account = proven;
        return ResultCode.Ok;
    }

    /// <summary>The canonical encoding.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(4096 + Proof.Globals.Length);
        writer.WriteU8(Version);
        writer.WriteString(ChainId);
        Proof.Write(writer);
        writer.WriteBool(Header is not null);
        Header?.Encode(writer);
        BlockSignature.WriteList(writer, Header is null ? [] : Signatures);
        return writer.ToArray();
    }

    /// <summary>Decodes one encoding, refusing malformed input with a stable code (signatures without a header are <see cref="ResultCode.InvalidValue"/>).</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out SignedAccountProof? proof)
    {
        proof = null;
        if (bytes.Length > MaxSize) return ResultCode.Oversized;
        var reader = new CanonicalReader(bytes);
        byte version = reader.ReadU8();
        if (reader.Ok && version != Version) reader.Fail(ResultCode.UnknownTag);
        var chainId = reader.ReadString(Transactions.TransactionCodec.MaxChainIdBytes);
        var accountProof = AccountProof.Read(ref reader);
        var header = reader.ReadBool() ? BlockHeader.Read(ref reader) : null;
        var signatures = BlockSignature.ReadList(ref reader);
        if (reader.Ok && header is null && !signatures.IsEmpty) reader.Fail(ResultCode.InvalidValue);
        reader.ExpectEnd();
        if (!reader.Ok) return reader.Error;
        proof = new SignedAccountProof(chainId, accountProof!, header, signatures);
        return ResultCode.Ok;
    }
}
