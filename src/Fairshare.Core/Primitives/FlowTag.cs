namespace Fairshare.Core.Primitives;

/// <summary>What a movement of value was for (design §5.5). Stable values: they are stored in receipts.</summary>
public enum FlowTag : byte
{
    /// <summary>A plain transfer between accounts.</summary>
    Transfer = 0,

    /// <summary>Payment for verified compute work.</summary>
    JobPayment = 1,

    /// <summary>The protocol's share of a job payment.</summary>
    ProtocolFee = 2,

    /// <summary>Newly emitted FSH.</summary>
    Emission = 3,

    /// <summary>Fees paid to liquidity providers.</summary>
    SwapFee = 4,

    /// <summary>Lending interest.</summary>
    Interest = 5,

    /// <summary>Stake taken for a fault.</summary>
    Slash = 6,

    /// <summary>Vested genesis tokens released to their owner.</summary>
    Vesting = 7,

    /// <summary>Transaction fees to validators and the treasury.</summary>
    TxFee = 8,

    /// <summary>Stablecoin minted or burned by its issuer.</summary>
    Issuance = 9,

    /// <summary>Genesis allocation.</summary>
    Genesis = 10,

    /// <summary>The principal of a swap: what a trader paid in beyond the fee, and what the pool paid out.</summary>
    Swap = 11,

    /// <summary>Assets deposited into or withdrawn from a pool or market, and the shares minted or burned for them.</summary>
    Liquidity = 12,

    /// <summary>A flash loan paid out and paid back within one transaction.</summary>
    FlashLoan = 13,

    /// <summary>Collateral seized from a short borrower: the liquidator's cTokens and the protocol's share.</summary>
    Liquidation = 14,

    /// <summary>FSH bonded to a stake pool, moved into unbonding, or withdrawn after unbonding.</summary>
    Stake = 15,

    /// <summary>A client's FSH locked in the market's escrow for a compute job.</summary>
    Escrow = 16,

    /// <summary>Unused escrow of a compute job returned to its client.</summary>
    Refund = 17,
}
