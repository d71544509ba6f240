using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>Registers (or replaces) the sender's compute offer; refused unless its self-bond reaches <c>stake.min-self-bond</c>.</summary>
public sealed record MarketRegisterPayload(ProviderOffer Offer) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketRegister;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        Offer.Encode(writer);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new MarketRegisterPayload(ProviderOffer.Read(ref reader));
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.Register(context, Offer);
}
