// RaftLedgerService: reads of the committed state (under the gate), its cached encoding, and stored blocks.
using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    /// <inheritdoc/>
    public T Read<T>(Func<LedgerState, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _gate.EnterRead();
        try
        {
            return query(_node.State);
        }
        finally
        {
            _gate.ExitRead();
        }
    }

    /// <inheritdoc/>
    public byte[] EncodedState()
    {
        ulong height = Head.Height;
        lock (_encodedLock)
        {
            if (_encoded.Height == height) return _encoded.Bytes;
        }

        var encoded = Read(state => (state.Head.Height, StateSnapshot.Encode(state)));
        lock (_encodedLock)
        {
            if (_encoded.Height == ulong.MaxValue || encoded.Height > _encoded.Height) _encoded = encoded;
        }

        return encoded.Item2;
    }

    /// <inheritdoc/>
    public Block? ReadBlock(ulong height) => _node.ReadBlock(height);

    /// <inheritdoc/>
    public byte[]? ReadRawBlock(ulong height) => _node.ReadRawBlock(height);

    /// <inheritdoc/>
    public ImmutableArray<Receipt> ReadReceipts(ulong height) => _node.ReadReceipts(height);

    /// <inheritdoc/>
    public ImmutableArray<BlockSignature> ReadSignatures(ulong height) => _node.ReadSignatures(height);
}
