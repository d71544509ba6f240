namespace Fairshare.Core.Modules.Market;

/// <summary>What a job slot does. Stable values: they are stored in job records.</summary>
public enum SlotRole : byte
{
    /// <summary>The first executor of the job.</summary>
    Primary = 0,

    /// <summary>Another executor of a replicated job.</summary>
    Replica = 1,

    /// <summary>A spot-check re-execution of the primary's work.</summary>
    Checker = 2,

    /// <summary>A dispute's judge: runs the job and votes on the disputed outputs.</summary>
    Arbiter = 3,
}
