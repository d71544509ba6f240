namespace Fairshare.Core.Modules.Market;

/// <summary>Where a job slot stands. Stable values: they are stored in job records.</summary>
public enum SlotStatus : byte
{
    /// <summary>Assigned to a provider, waiting for its commitment.</summary>
    Assigned = 0,

    /// <summary>Committed, waiting for the round's reveals to open and for its reveal.</summary>
    Committed = 1,

    /// <summary>Revealed its output hash.</summary>
    Revealed = 2,

    /// <summary>Missed its deadline; the job had no re-assignment for it.</summary>
    Missed = 3,

    /// <summary>Missed its deadline and was re-assigned to a new slot of the same role.</summary>
    Replaced = 4,
}
