namespace Fairshare.Simulation;

/// <summary>The simulator's assembly marker: agents driving the real Core modules (design §8).</summary>
public static class SimulationAssembly
{
    /// <summary>The assembly's display name, for reports.</summary>
    public const string Name = "Fairshare.Simulation";
}
