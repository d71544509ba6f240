using System.Net;
using System.Net.Sockets;
using Fairshare.Node.Chain;
using Fairshare.Node.Indexing;
using Fairshare.Node.Tests.Chain;

namespace Fairshare.Node.Tests.Indexing;

public sealed class ChainIndexesTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_Sqlite_IsTheDefault_InTheDataDirectory()
    {
        using (var index = ChainIndexes.Open(ChainIndexOptions.Sqlite, _dir.Data))
        {
            Assert.IsType<SqliteChainIndex>(index);
            Assert.Equal(0UL, index.IndexedHeight);
        }

        Assert.True(File.Exists(_dir.Data.IndexPath));
        Assert.Equal(ChainIndexKind.Sqlite, new ChainIndexOptions().Kind);
    }

    [Fact]
    public void Open_UnreachablePostgres_SaysHowToStartIt()
    {
        int port = FreePort();
        var options = ChainIndexOptions.Postgres($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5");
        var error = Assert.Throws<UserFacingException>(() => ChainIndexes.Open(options, _dir.Data));
        Assert.Equal("postgres_unreachable", error.Code);
        Assert.StartsWith($"cannot reach PostgreSQL at 127.0.0.1:{port} (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; start it with scripts/postgres.sh or pass --index sqlite", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "fairshare", "postgres_not_configured")]
    [InlineData("Host=127.0.0.1;Bogus Key=1", "fairshare", "bad_postgres_connection_string")]
    [InlineData("Host=127.0.0.1", "Robert'); DROP TABLE", "bad_postgres_schema")]
    public void Open_MisconfiguredPostgres_IsAUserFacingError(string? connectionString, string schema, string code)
    {
        var options = new ChainIndexOptions(ChainIndexKind.Postgres, connectionString, schema);
        Assert.Equal(code, Assert.Throws<UserFacingException>(() => ChainIndexes.Open(options, _dir.Data)).Code);
    }

    [Theory]
    [InlineData("sqlite", true, ChainIndexKind.Sqlite)]
    [InlineData("Postgres", true, ChainIndexKind.Postgres)]
    [InlineData("mysql", false, ChainIndexKind.Sqlite)]
    [InlineData(null, false, ChainIndexKind.Sqlite)]
    public void TryParseKind_AcceptsTheTwoBackends(string? text, bool ok, ChainIndexKind kind)
    {
        Assert.Equal(ok, ChainIndexOptions.TryParseKind(text, out var parsed));
        Assert.Equal(kind, parsed);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
