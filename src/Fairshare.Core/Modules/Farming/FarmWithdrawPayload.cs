using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>Takes <paramref name="Amount"/> of the sender's stake back out of a farm (<c>withdraw</c>).</summary>
public sealed record FarmWithdrawPayload(uint FarmId, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.FarmWithdraw;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(FarmId);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new FarmWithdrawPayload(reader.ReadU32(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => FarmingModule.Withdraw(context, FarmId, Amount);
}
