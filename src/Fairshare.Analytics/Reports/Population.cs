namespace Fairshare.Analytics.Reports;

/// <summary>Which holders a concentration figure counts (metrics.md §1: the caller's choice, reported beside every number).</summary>
public enum Population
{
    /// <summary>Every account with a positive balance, protocol accounts (treasury, escrows, pools' reward accounts) included.</summary>
    Holders = 0,

    /// <summary>Accounts with a positive balance, protocol accounts left out.</summary>
    People = 1,

    /// <summary>As <see cref="People"/>, and only those holding at least one whole token (no dust).</summary>
    NoDust = 2,
}
