using Npgsql;

namespace Fairshare.Node.Tests.Indexing;

/// <summary>
/// The test PostgreSQL server (<c>FAIRSHARE_TEST_POSTGRES</c>, set by scripts/test.sh) and a random schema prefix for
/// one test class; every schema under the prefix is dropped when the class is done. Run any other way (an IDE,
/// <c>dotnet test</c> on this project), the tests start the repository's throwaway cluster themselves with
/// <c>scripts/postgres.sh start</c> (which installs PostgreSQL when missing) and leave it running for the next run.
/// </summary>
public sealed class PostgresSchemas : IDisposable
{
    /// <summary>The environment variable with the test server's connection string.</summary>
    public const string Variable = "FAIRSHARE_TEST_POSTGRES";

    private int _next;

    public PostgresSchemas()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? SelfStarted.Value : connectionString;
        Prefix = "fs_test_" + Guid.NewGuid().ToString("N")[..12];
    }

    private static readonly Lazy<string> SelfStarted = new(StartThrowawayCluster, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The test server.</summary>
    public string ConnectionString { get; }

    /// <summary>The prefix of every schema this class creates.</summary>
    public string Prefix { get; }

    /// <summary>A schema name no other test uses.</summary>
    public string Fresh() => $"{Prefix}_{Interlocked.Increment(ref _next)}";

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        var schemas = new List<string>();
        using (var list = new NpgsqlCommand("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, @prefix)", connection))
        {
            list.Parameters.AddWithValue("prefix", Prefix);
            using var reader = list.ExecuteReader();
            while (reader.Read()) schemas.Add(reader.GetString(0));
        }

        foreach (var schema in schemas)
        {
            using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>Starts scripts/postgres.sh's cluster and returns its connection string, or fails saying what to run.</summary>
    private static string StartThrowawayCluster()
    {
        string fix = $"Run the suite with 'bash scripts/test.sh', or start a server with 'bash scripts/postgres.sh start' and export {Variable}=\"$(bash scripts/postgres.sh url)\".";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Fairshare.slnx"))) root = root.Parent;
        var script = root is null ? null : Path.Combine(root.FullName, "scripts", "postgres.sh");
        if (script is null || !File.Exists(script)) throw new InvalidOperationException($"{Variable} is not set and scripts/postgres.sh was not found. {fix}");
        var start = new System.Diagnostics.ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root!.FullName };
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"could not run bash. {fix}");
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd().Trim();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0 || output.Length == 0)
            throw new InvalidOperationException($"{Variable} is not set and 'bash scripts/postgres.sh start' failed: {errors.Result.Trim()} {fix}");
        return output.Split('\n')[^1];
    }
}
