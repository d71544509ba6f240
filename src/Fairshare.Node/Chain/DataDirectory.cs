namespace Fairshare.Node.Chain;

/// <summary>The files of a node's data directory.</summary>
public sealed record DataDirectory(string Root)
{
    /// <summary>The chain's genesis file, copied here by <c>fairshare init</c>.</summary>
    public string GenesisPath => Path.Combine(Root, "genesis.json");

    /// <summary>The SQLite database of blocks, receipts and snapshots.</summary>
    public string DatabasePath => Path.Combine(Root, "chain.db");

    /// <summary>The SQLite read-side index (blocks, transactions, flows) when PostgreSQL is not chosen.</summary>
    public string IndexPath => Path.Combine(Root, "index.db");

    /// <summary>This node's validator key, mode 0600: plain, or encrypted with a passphrase (see <see cref="NodeKeyFile"/>).</summary>
    public string NodeKeyPath => Path.Combine(Root, "node_key.json");

    /// <summary>The encrypted wallet keys.</summary>
    public string KeysPath => Path.Combine(Root, "keys");

    /// <summary>Written by a running <c>fairshare node start</c> (its pid and API URL), removed when it stops.</summary>
    public string RunningNodePath => Path.Combine(Root, "node.json");

    /// <summary>The node's blob store (models, inputs, outputs).</summary>
    public string BlobsPath => Path.Combine(Root, "blobs");

    /// <summary>The Raft write-ahead log and snapshots of a cluster member.</summary>
    public string RaftPath => Path.Combine(Root, "raft");

    /// <summary>True when <c>fairshare init</c> has run here.</summary>
    public bool IsInitialized => File.Exists(GenesisPath) && File.Exists(NodeKeyPath);

    /// <summary>The default: $FAIRSHARE_HOME, else ~/.fairshare.</summary>
    public static DataDirectory Default()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("FAIRSHARE_HOME");
        return new DataDirectory(string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fairshare")
            : fromEnvironment);
    }
}
