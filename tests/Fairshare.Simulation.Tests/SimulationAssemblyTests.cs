namespace Fairshare.Simulation.Tests;

public sealed class SimulationAssemblyTests
{
    [Fact]
    public void TheMarkerNamesItsAssembly() =>
        Assert.Equal(SimulationAssembly.Name, typeof(SimulationAssembly).Assembly.GetName().Name);
}
