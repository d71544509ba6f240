namespace Fairshare.Core.Modules.Market;

/// <summary>How a job's output is checked (design §5.4). Stable values: they are encoded in transactions.</summary>
public enum VerificationPolicy : byte
{
    /// <summary>Several providers run the job at once; their outputs must agree.</summary>
    Replicate = 1,

    /// <summary>One provider runs the job; a pseudo-random fraction of jobs is re-run by a checker.</summary>
    SpotCheck = 2,

    /// <summary>One provider runs the job; the client may reveal a known answer sealed at submission.</summary>
    Canary = 3,
}
