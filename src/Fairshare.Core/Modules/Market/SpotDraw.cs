namespace Fairshare.Core.Modules.Market;

/// <summary>The outcome of a spot-check job's draw. Stable values: they are stored in job records.</summary>
public enum SpotDraw : byte
{
    /// <summary>Not drawn yet (or the job is not a spot check).</summary>
    NotDrawn = 0,

    /// <summary>Drawn and not checked.</summary>
    Unchecked = 1,

    /// <summary>Drawn and checked: a checker slot is assigned, or the job waits for an eligible one.</summary>
    Checked = 2,
}
