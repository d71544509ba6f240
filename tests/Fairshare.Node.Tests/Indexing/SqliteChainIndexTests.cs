using Fairshare.Node.Indexing;

namespace Fairshare.Node.Tests.Indexing;

public sealed class SqliteChainIndexTests : ChainIndexContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-index-" + Guid.NewGuid().ToString("N"));

    public SqliteChainIndexTests() => Directory.CreateDirectory(_root);

    protected override IChainIndex OpenStore(string name) => new SqliteChainIndex(Path.Combine(_root, name + ".db"));

    protected override void DisposeStore()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
