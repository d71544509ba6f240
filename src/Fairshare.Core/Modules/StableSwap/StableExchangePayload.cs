using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>Curve <c>exchange</c>: sells <paramref name="Dx"/> of coin <paramref name="I"/> of pool <paramref name="PoolId"/>
/// for at least <paramref name="MinDy"/> of coin <paramref name="J"/>.</summary>
public sealed record StableExchangePayload(uint PoolId, byte I, byte J, Amount Dx, Amount MinDy) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StableExchange;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(PoolId);
        writer.WriteU8(I);
        writer.WriteU8(J);
        writer.WriteAmount(Dx);
        writer.WriteAmount(MinDy);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new StableExchangePayload(reader.ReadU32(), reader.ReadU8(), reader.ReadU8(), reader.ReadAmount(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StableSwapModule.Exchange(context, PoolId, I, J, Dx, MinDy);
}
