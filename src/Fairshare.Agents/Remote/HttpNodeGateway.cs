using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;

namespace Fairshare.Agents.Remote;

/// <summary>
/// A node over its HTTP API, as provider and client processes see it: <see cref="FairshareClient"/> calls, with the
/// SDK's errors turned into <see cref="GatewayException"/> (same codes). The state is checked against its signed block.
/// </summary>
public sealed class HttpNodeGateway(FairshareClient client) : INodeGateway
{
    /// <summary>The SDK client.</summary>
    public FairshareClient Api { get; } = client;

    /// <summary>The chain id the node serves (from <c>GET /v1/status</c>).</summary>
    public Task<string> ChainIdAsync(CancellationToken ct) => Call(async () => (await Api.GetStatusAsync(ct).ConfigureAwait(false)).ChainId);

    /// <inheritdoc/>
    public Task<LedgerState> StateAsync(CancellationToken ct) => Call(async () => (await Api.GetStateAsync(ct).ConfigureAwait(false)).State);

    /// <inheritdoc/>
    public Task<ulong> HeightAsync(CancellationToken ct) => Call(async () => (await Api.GetStatusAsync(ct).ConfigureAwait(false)).Height);

    /// <inheritdoc/>
    public Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, CancellationToken ct) => Call(async () =>
    {
        var response = await Api.SubmitAsync(transactions, wait, ct).ConfigureAwait(false);
        return (IReadOnlyList<SubmittedTransaction>)[.. response.Results.Select((r, i) =>
        {
            var id = Hash32.TryParse(r.TxId, out var parsed) ? parsed : transactions[i].Id;
            if (r.Code == TxOutcome.Pending) return new SubmittedTransaction(id, ResultCode.Ok, null, [], IsPending: true);
            // A code this build does not know is still a refusal.
            var code = Enum.TryParse<ResultCode>(r.Code, out var c) ? c : ResultCode.UnknownTag;
            return new SubmittedTransaction(id, code, r.Height, []);
        })];
    });

    /// <inheritdoc/>
    public Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct) => Call(() => Api.GetBlobAsync(address, ct));

    /// <inheritdoc/>
    public Task<Hash32> PutBlobAsync(byte[] content, CancellationToken ct) => Call(() => Api.PutBlobAsync(content, ct));

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (FairshareApiException e)
        {
            throw new GatewayException(e.Code, e.Message, e);
        }
    }
}
