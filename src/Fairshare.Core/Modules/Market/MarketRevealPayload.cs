using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>The slot's provider reveals its output hash and salt once every slot of its round committed; an arbiter adds its votes (bit i set: slot i's output agrees with its own).</summary>
public sealed record MarketRevealPayload(ulong JobId, byte Slot, Hash32 OutputHash, Hash32 Salt, uint AgreeMask) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MarketReveal;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU64(JobId);
        writer.WriteU8(Slot);
        writer.WriteHash(OutputHash);
        writer.WriteHash(Salt);
        writer.WriteU32(AgreeMask);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new MarketRevealPayload(reader.ReadU64(), reader.ReadU8(), reader.ReadHash(), reader.ReadHash(), reader.ReadU32());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => MarketModule.Reveal(context, JobId, Slot, OutputHash, Salt, AgreeMask);
}
