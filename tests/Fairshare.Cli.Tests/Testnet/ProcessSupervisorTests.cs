using Fairshare.Testnet;

namespace Fairshare.Cli.Tests.Testnet;

/// <summary>Starting children with their output in log files, and stopping them so that none is left.</summary>
public sealed class ProcessSupervisorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-supervisor-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void StopAll_EndsEveryChild_NoneIsLeft()
    {
        using var supervisor = new ProcessSupervisor();
        var children = Enumerable.Range(1, 3)
            .Select(i => supervisor.Start("sleep-" + i, "sleep", ["30"], Path.Combine(_root, "logs", $"sleep-{i}.log")))
            .ToList();
        Assert.Equal(3, children.Select(c => c.Pid).Distinct().Count());
        Assert.All(children, c => Assert.True(ProcessSupervisor.IsAlive(c.Pid, c.StartedAt), $"{c.Name} is not running"));

        var killed = supervisor.StopAll(TimeSpan.FromSeconds(10));

        Assert.Empty(killed); // sleep ends on SIGTERM: nothing needed a kill
        Assert.All(children, c => Assert.False(ProcessSupervisor.IsAlive(c.Pid, c.StartedAt), $"{c.Name} is still running"));
    }

    [Fact]
    public void Stop_ByPidAndStartTime_EndsAProcessStartedElsewhere_AndKillsOneThatIgnoresSigterm()
    {
        using var supervisor = new ProcessSupervisor();
        var log = Path.Combine(_root, "logs", "stubborn.log");
        var stubborn = supervisor.Start("stubborn", "/bin/sh", ["-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"], log);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("ready", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the child never wrote to its log");
            Thread.Sleep(20);
        }

        Assert.False(ProcessSupervisor.Stop(stubborn.Pid, stubborn.StartedAt.AddHours(-1), TimeSpan.FromSeconds(1)), "a different start time is a different process");
        Assert.True(ProcessSupervisor.IsAlive(stubborn.Pid, stubborn.StartedAt));

        Assert.True(ProcessSupervisor.Stop(stubborn.Pid, stubborn.StartedAt, TimeSpan.FromMilliseconds(300)), "it ignores SIGTERM, so it had to be killed");
        Assert.False(ProcessSupervisor.IsAlive(stubborn.Pid, stubborn.StartedAt));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
