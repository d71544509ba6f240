namespace Fairshare.Core.Ledger.Transactions;

/// <summary>Transaction payload tags. Stable: never renumber.</summary>
public enum TxKind : byte
{
    /// <summary>Move an asset to another account.</summary>
    Transfer = 1,

    /// <summary>Several steps that succeed or fail together.</summary>
    Batch = 2,

    /// <summary>The issuer mints USDF.</summary>
    MintStable = 3,

    /// <summary>The issuer burns USDF.</summary>
    BurnStable = 4,

    /// <summary>Release the vested part of a genesis allocation.</summary>
    ClaimVested = 5,
}
