namespace Fairshare.Core.Modules.Market;

/// <summary>A compute job's lifecycle state. Stable values: they are stored in job records.</summary>
public enum JobState : byte
{
    /// <summary>Submitted, waiting for the matcher.</summary>
    Open = 0,

    /// <summary>Slots assigned; executing, being checked, or waiting for a canary's expected output.</summary>
    Running = 1,

    /// <summary>Outputs disagreed; arbiters are deciding.</summary>
    Disputed = 2,

    /// <summary>An output was accepted and the honest slots were paid; unused escrow refunded.</summary>
    Settled = 3,

    /// <summary>Nobody could deliver (or no arbiter was available); everything not paid was refunded.</summary>
    Failed = 4,

    /// <summary>Cancelled by its client before any slot was assigned; fully refunded.</summary>
    Cancelled = 5,
}
