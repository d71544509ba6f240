using Microsoft.Data.Sqlite;

namespace Fairshare.Node.Storage;

/// <summary>
/// Blocks, receipts, snapshots and metadata in one SQLite file (WAL, synchronous=FULL): a block is reported
/// committed only after its transaction is durable, so a crash loses nothing acknowledged.
/// </summary>
public sealed class SqliteChainStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertBlock;
    private readonly SqliteCommand _insertReceipts;

    /// <summary>Opens (and creates when missing) the store at the path.</summary>
    public SqliteChainStore(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS blocks (height INTEGER PRIMARY KEY, hash BLOB NOT NULL, body BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS receipts (height INTEGER PRIMARY KEY, body BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS snapshots (height INTEGER PRIMARY KEY, state_root BLOB NOT NULL, body BLOB NOT NULL);
            """);
        _insertBlock = Prepare("INSERT INTO blocks (height, hash, body) VALUES ($h, $hash, $body)");
        _insertReceipts = Prepare("INSERT INTO receipts (height, body) VALUES ($h, $body)");
    }

    /// <summary>Stores a block and its receipts atomically and durably.</summary>
    public void AppendBlock(ulong height, byte[] hash, byte[] block, byte[] receipts)
    {
        using var transaction = _connection.BeginTransaction();
        _insertBlock.Transaction = transaction;
        _insertBlock.Parameters["$h"].Value = (long)height;
        _insertBlock.Parameters["$hash"].Value = hash;
        _insertBlock.Parameters["$body"].Value = block;
        _insertBlock.ExecuteNonQuery();
        _insertReceipts.Transaction = transaction;
        _insertReceipts.Parameters["$h"].Value = (long)height;
        _insertReceipts.Parameters["$body"].Value = receipts;
        _insertReceipts.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The highest stored block height, 0 when only genesis exists.</summary>
    public ulong LatestHeight()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(height), 0) FROM blocks";
        return (ulong)(long)command.ExecuteScalar()!;
    }

    /// <summary>The encoded block at a height, or null.</summary>
    public byte[]? ReadBlock(ulong height) => ReadBlob("SELECT body FROM blocks WHERE height = $h", height);

    /// <summary>The encoded receipts of the block at a height, or null.</summary>
    public byte[]? ReadReceipts(ulong height) => ReadBlob("SELECT body FROM receipts WHERE height = $h", height);

    /// <summary>Stores a state snapshot taken after the block at a height.</summary>
    public void SaveSnapshot(ulong height, byte[] stateRoot, byte[] body)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO snapshots (height, state_root, body) VALUES ($h, $r, $b)";
        command.Parameters.AddWithValue("$h", (long)height);
        command.Parameters.AddWithValue("$r", stateRoot);
        command.Parameters.AddWithValue("$b", body);
        command.ExecuteNonQuery();
        using var prune = _connection.CreateCommand();
        prune.CommandText = "DELETE FROM snapshots WHERE height < (SELECT MAX(height) FROM snapshots)";
        prune.ExecuteNonQuery();
    }

    /// <summary>The newest snapshot, or null.</summary>
    public (ulong Height, byte[] Body)? LatestSnapshot()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT height, body FROM snapshots ORDER BY height DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? ((ulong)reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
    }

    /// <summary>A metadata value, or null.</summary>
    public byte[]? ReadMeta(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Sets a metadata value.</summary>
    public void WriteMeta(string key, byte[] value)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($k, $v)";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    private byte[]? ReadBlob(string sql, ulong height)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$h", (long)height);
        return command.ExecuteScalar() as byte[];
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$h", SqliteType.Integer);
        if (sql.Contains("$hash", StringComparison.Ordinal)) command.Parameters.Add("$hash", SqliteType.Blob);
        command.Parameters.Add("$body", SqliteType.Blob);
        command.Prepare();
        return command;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _insertBlock.Dispose();
        _insertReceipts.Dispose();
        _connection.Dispose();
    }
}
