using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>The sender stops taking new slots; the slots it holds must still be finished.</summary>
public sealed record MarketDeregisterPayload : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketDeregister;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader) => reader.Ok ? new MarketDeregisterPayload() : null;

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.Deregister(context);
}
