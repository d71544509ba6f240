using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>A provider's liveness signal: a provider whose last heartbeat is older than <c>market.heartbeat-timeout-blocks</c> gets no new slots.</summary>
public sealed record MarketHeartbeatPayload : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketHeartbeat;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader) => reader.Ok ? new MarketHeartbeatPayload() : null;

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.Heartbeat(context);
}
