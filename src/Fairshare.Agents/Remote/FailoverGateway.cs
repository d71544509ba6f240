using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;

namespace Fairshare.Agents.Remote;

/// <summary>
/// Several validators of one chain as one gateway: every call goes to the validator in use, and when it cannot be
/// reached (a transient <see cref="GatewayException"/>: unreachable, no leader, busy, …) the same call goes to the next,
/// which is then the one in use, until each has been tried once; the last error then goes to the caller (whose retry
/// backs off). A refusal that waiting would not cure is the answer, not a reason to ask another validator. So a
/// provider whose validator dies keeps meeting its deadlines through another one.
/// </summary>
public sealed class FailoverGateway : INodeGateway
{
    private readonly IReadOnlyList<INodeGateway> _members;
    private readonly IReadOnlyList<string> _names;
    private readonly Action<string> _log;
    private int _current;

    /// <summary>A gateway over <paramref name="members"/> (named for the log by <paramref name="names"/>), the first in use.</summary>
    /// <exception cref="ArgumentException">No member, or names that do not match the members one for one.</exception>
    public FailoverGateway(IReadOnlyList<INodeGateway> members, IReadOnlyList<string> names, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(names);
        if (members.Count == 0) throw new ArgumentException("a failover gateway needs at least one validator", nameof(members));
        if (names.Count != members.Count) throw new ArgumentException("one name per validator", nameof(names));
        _members = members;
        _names = names;
        _log = log ?? (_ => { });
    }

    /// <summary>The name of the validator in use.</summary>
    public string Current => _names[Volatile.Read(ref _current)];

    /// <inheritdoc/>
    public Task<LedgerState> StateAsync(CancellationToken ct) => Call(m => m.StateAsync(ct));

    /// <inheritdoc/>
    public Task<ulong> HeightAsync(CancellationToken ct) => Call(m => m.HeightAsync(ct));

    /// <inheritdoc/>
    public Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, CancellationToken ct) =>
        Call(m => m.SubmitAsync(transactions, wait, ct));

    /// <inheritdoc/>
    public Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct) => Call(m => m.GetBlobAsync(address, ct));

    /// <inheritdoc/>
    public Task<Hash32> PutBlobAsync(byte[] content, CancellationToken ct) => Call(m => m.PutBlobAsync(content, ct));

    private async Task<T> Call<T>(Func<INodeGateway, Task<T>> call)
    {
        int start = Volatile.Read(ref _current);
        for (int tried = 0; ; tried++)
        {
            int index = (start + tried) % _members.Count;
            try
            {
                var result = await call(_members[index]).ConfigureAwait(false);
                if (index != start && Interlocked.Exchange(ref _current, index) != index) _log($"now using validator {_names[index]} ({_names[start]} could not be reached)");
                return result;
            }
            catch (GatewayException e) when (e.IsTransient && tried + 1 < _members.Count)
            {
                // Ask the next validator the same thing.
            }
        }
    }
}
