using Fairshare.Node.Indexing;
using Fairshare.Node.Tests.Chain;

namespace Fairshare.Node.Tests.Indexing;

public sealed class PostgresChainIndexTests(PostgresSchemas schemas) : ChainIndexContract, IClassFixture<PostgresSchemas>
{
    private readonly Dictionary<string, string> _names = [];

    protected override IChainIndex OpenStore(string name)
    {
        if (!_names.TryGetValue(name, out var schema)) _names[name] = schema = schemas.Fresh();
        return new PostgresChainIndex(schemas.ConnectionString, schema);
    }

    protected override void DisposeStore()
    {
    }

    [Fact]
    public void ChainIndexesOpen_Postgres_CreatesItsSchema()
    {
        using var dir = new TempDataDirectory();
        string schema = schemas.Fresh();
        using var index = ChainIndexes.Open(ChainIndexOptions.Postgres(schemas.ConnectionString, schema), dir.Data);
        Assert.Equal(schema, Assert.IsType<PostgresChainIndex>(index).Schema);
        Assert.Equal(0UL, index.IndexedHeight);
        Assert.False(File.Exists(dir.Data.IndexPath));
    }
}
