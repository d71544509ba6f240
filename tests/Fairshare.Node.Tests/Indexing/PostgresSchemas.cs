using Npgsql;

namespace Fairshare.Node.Tests.Indexing;

/// <summary>
/// The test PostgreSQL server (<c>FAIRSHARE_TEST_POSTGRES</c>, set by scripts/test.sh) and a random schema prefix for
/// one test class; every schema under the prefix is dropped when the class is done.
/// </summary>
public sealed class PostgresSchemas : IDisposable
{
    /// <summary>The environment variable with the test server's connection string.</summary>
    public const string Variable = "FAIRSHARE_TEST_POSTGRES";

    private int _next;

    public PostgresSchemas()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL index tests cannot run. Run the suite with 'bash scripts/test.sh', " +
                $"or start a server with 'bash scripts/postgres.sh start' and export {Variable}=\"$(bash scripts/postgres.sh url)\".");
        ConnectionString = connectionString;
        Prefix = "fs_test_" + Guid.NewGuid().ToString("N")[..12];
    }

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
}
