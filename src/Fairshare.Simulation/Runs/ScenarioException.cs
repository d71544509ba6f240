namespace Fairshare.Simulation.Runs;

/// <summary>A scenario or parameter that cannot run, with a stable code (e.g. <c>bad_parameter</c>) and what to fix.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioException(string code, string message) : base(message) => Code = code;

    /// <summary>Creates the exception without a code (use the other constructor).</summary>
    public ScenarioException() : this("bad_scenario", "the scenario cannot run")
    {
    }

    /// <summary>Creates the exception without a code (use the other constructor).</summary>
    public ScenarioException(string message) : this("bad_scenario", message)
    {
    }

    /// <summary>Creates the exception without a code (use the other constructor).</summary>
    public ScenarioException(string message, Exception innerException) : base(message, innerException) => Code = "bad_scenario";

    /// <summary>The stable error code.</summary>
    public string Code { get; }
}
