using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules;

/// <summary>
/// A transaction step handled by a DeFi or market module. The module's math may revert like the reference contracts
/// (<see cref="RevertException"/>); the revert becomes a stable <see cref="ResultCode"/> here, and the executor rolls
/// the whole transaction back.
/// </summary>
public abstract record ModulePayload : TxPayload
{
    /// <summary>Runs the step.</summary>
    public ResultCode Run(TxContext context)
    {
        try
        {
            return Execute(context);
        }
        catch (RevertException revert)
        {
            return RevertCodes.ToResultCode(revert.Error);
        }
    }

    /// <summary>The step's effect; returns a failure code or throws a revert, and the caller rolls back.</summary>
    protected abstract ResultCode Execute(TxContext context);
}
