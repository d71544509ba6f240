using Fairshare.Testnet;
using Fairshare.Core.Genesis;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Tests.Testnet;

/// <summary>What 'fairshare testnet up' decides before it starts anything: genesis, ports, data directories, command lines.</summary>
public sealed class TestnetPlanTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-testnet-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Plan_HasOneGenesisWithEveryValidator_DistinctFreePorts_AndTheRightCommandLines()
    {
        var plan = TestnetPlan.Create(new TestnetOptions(_root, Validators: 3, Providers: 4, Clients: 1, ClientJobs: 7, ClientDeadlineBlocks: 321), new FreePorts().Next, 1_767_225_600_000);

        var validators = plan.Validators.ToList();
        Assert.Equal(3, validators.Count);
        Assert.Equal(validators.Select(v => TestnetPlan.DevKey(v.Name).PublicKey), plan.Genesis.Validators);
        var funded = plan.Genesis.Allocations.Select(a => a.Address).ToHashSet();
        foreach (var agent in plan.Members.Where(m => m.Role != TestnetMember.Validator))
            Assert.Contains(TestnetPlan.DevKey(agent.Name).Address, funded);

        var ports = validators.SelectMany(v => new[] { new Uri(v.ApiUrl).Port, int.Parse(v.RaftEndpoint!.Split(':')[1]) }).ToList();
        Assert.Equal(6, ports.Distinct().Count());
        Assert.All(validators, v => Assert.StartsWith("http://127.0.0.1:", v.ApiUrl, StringComparison.Ordinal));

        foreach (var v in validators)
        {
            var args = v.Arguments;
            Assert.Equal(["node", "start", "--data", v.Directory, "--api", v.ApiUrl, "--raft", v.RaftEndpoint!], args.Take(8));
            var peers = Values(args, "--peer");
            Assert.Equal(validators.Where(o => o != v).Select(o => $"{o.RaftEndpoint}={o.ApiUrl}"), peers);
            Assert.Equal(["200"], Values(args, "--block-time-ms"));
        }

        var providers = plan.Members.Where(m => m.Role == TestnetMember.Provider).ToList();
        Assert.Equal(["provider-1", "provider-2", "provider-3", "provider-4"], providers.Select(p => p.Name));
        for (int i = 0; i < providers.Count; i++)
        {
            var args = providers[i].Arguments;
            Assert.Equal(["provider", "start"], args.Take(2));
            Assert.Equal([validators[i % 3].ApiUrl], Values(args, "--node")); // round-robin over the validators
            Assert.Equal(validators.Where(v => v.ApiUrl != validators[i % 3].ApiUrl).Select(v => v.ApiUrl), Values(args, "--fallback-node"));
            Assert.Equal([providers[i].Name], Values(args, "--dev-key"));
        }

        var client = Assert.Single(plan.Members, m => m.Role == TestnetMember.Client);
        Assert.Equal(["client", "run"], client.Arguments.Take(2));
        Assert.Equal(["client-1"], Values(client.Arguments, "--dev-key"));
        Assert.Equal(["7"], Values(client.Arguments, "--jobs"));
        Assert.Equal(["321"], Values(client.Arguments, "--deadline-blocks"));
        Assert.All(plan.Members, m => Assert.StartsWith(Path.Combine(_root, "logs"), m.LogPath, StringComparison.Ordinal));
    }

    [Fact]
    public void WriteFiles_GivesEachValidatorTheSameGenesisAndItsOwnKey_AndRefusesASecondTestnetInTheFolder()
    {
        var plan = TestnetPlan.Create(new TestnetOptions(_root, Validators: 2, Providers: 1), new FreePorts().Next, 1_767_225_600_000);
        plan.WriteFiles();
        string? genesisJson = null;
        foreach (var v in plan.Validators)
        {
            var data = new DataDirectory(v.Directory);
            Assert.True(data.IsInitialized);
            var json = File.ReadAllText(data.GenesisPath);
            genesisJson ??= json;
            Assert.Equal(genesisJson, json);
            using var key = NodeKeyFile.Read(data.NodeKeyPath);
            Assert.Equal(TestnetPlan.DevKey(v.Name).PublicKey, key.PublicKey);
            using var node = LedgerNode.Open(data); // the genesis builds and the store opens
            Assert.Equal(2, node.State.Validators.Length);
        }

        Assert.Null(GenesisParser.Parse(genesisJson!).Error);
        new TestnetFile(TestnetOptions.ChainId, null, []).Write(_root);
        Assert.Throws<TestnetUsageException>(plan.WriteFiles);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Create_WithAClientDeadlineOutsideWhatAJobMayAsk_IsAUsageError(int blocks)
    {
        var error = Assert.Throws<TestnetUsageException>(() => TestnetPlan.Create(new TestnetOptions(_root, Clients: 1, ClientDeadlineBlocks: blocks), new FreePorts().Next, 1_767_225_600_000));
        Assert.Contains("--client-deadline-blocks must be between 1 and 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipEmptyBlocks_ReachesEveryValidatorsCommandLine_WithItsIdleInterval()
    {
        var options = new TestnetOptions(_root, Validators: 2, Providers: 0) { SkipEmptyBlocks = true, IdleBlockMs = 30_000 };
        var plan = TestnetPlan.Create(options, new FreePorts().Next, 1_767_225_600_000);
        Assert.All(plan.Validators, v => Assert.Contains("--skip-empty-blocks", v.Arguments));
        Assert.All(plan.Validators, v => Assert.Equal(["30000"], Values(v.Arguments, "--idle-block-ms")));

        var plain = TestnetPlan.Create(new TestnetOptions(_root, Validators: 1, Providers: 0), new FreePorts().Next, 1_767_225_600_000);
        Assert.DoesNotContain("--skip-empty-blocks", Assert.Single(plain.Validators).Arguments);
        Assert.Empty(Values(Assert.Single(plain.Validators).Arguments, "--idle-block-ms"));
    }

    [Theory]
    [InlineData(false, 30_000)]
    [InlineData(true, 199)]
    public void Create_WithAnIdleIntervalWithoutSkippingOrBelowTheBlockTime_IsAUsageError(bool skip, int idleMs)
    {
        var options = new TestnetOptions(_root) { SkipEmptyBlocks = skip, IdleBlockMs = idleMs };
        var error = Assert.Throws<TestnetUsageException>(() => TestnetPlan.Create(options, new FreePorts().Next, 1_767_225_600_000));
        Assert.Contains("--idle-block-ms needs --skip-empty-blocks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CliLauncher_UnderDotnet_PutsTheEntryAssemblyFirst()
    {
        Assert.True(File.Exists(CliApp.Launcher().FileName));
        var launcher = new CliLauncher("/usr/bin/dotnet", ["/opt/fairshare/fairshare.dll"]);
        Assert.Equal(["/opt/fairshare/fairshare.dll", "testnet", "status"], launcher.Arguments(["testnet", "status"]).ToArray());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static List<string> Values(IReadOnlyList<string> args, string option) =>
        [.. args.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => args[p.i + 1])];
}
