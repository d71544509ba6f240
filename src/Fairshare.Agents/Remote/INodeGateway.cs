using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;

namespace Fairshare.Agents.Remote;

/// <summary>
/// What a provider or client process needs from a validator, and nothing more: the committed height and state, a way
/// to send signed transactions, and the blob store. Implemented over HTTP by the CLI and in process for tests. A node
/// that cannot be reached (or answers with an error) throws <see cref="GatewayException"/>; the caller retries.
/// </summary>
public interface INodeGateway
{
    /// <summary>The committed state (checked against its signed block by remote implementations).</summary>
    Task<LedgerState> StateAsync(CancellationToken ct);

    /// <summary>The height of the committed chain.</summary>
    Task<ulong> HeightAsync(CancellationToken ct);

    /// <summary>
    /// Sends signed transactions; with <paramref name="wait"/>, returns once each is committed or refused (or the
    /// node's wait ends: then <see cref="SubmittedTransaction.IsPending"/>). One outcome per transaction, in order.
    /// </summary>
    Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, CancellationToken ct);

    /// <summary>The blob with this content address (re-hashed), or null when the node does not hold it.</summary>
    Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct);

    /// <summary>Stores a blob on the node and returns its content address.</summary>
    Task<Hash32> PutBlobAsync(byte[] content, CancellationToken ct);
}
