using Microsoft.Data.Sqlite;

namespace Fairshare.Node.Storage;

/// <summary>
/// Blocks, receipts, validator signatures, snapshots and metadata in one SQLite file (WAL, synchronous=FULL): a block
/// is reported committed only after its transaction is durable, so a crash loses nothing acknowledged. Thread-safe:
/// one connection, used under a lock.
/// </summary>
public sealed class SqliteChainStore : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertBlock;
    private readonly SqliteCommand _insertReceipts;
    private readonly SqliteCommand _insertSignature;

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
            CREATE TABLE IF NOT EXISTS signatures (height INTEGER NOT NULL, validator BLOB NOT NULL, signature BLOB NOT NULL, PRIMARY KEY (height, validator));
            """);
        _insertBlock = Prepare("INSERT INTO blocks (height, hash, body) VALUES ($h, $hash, $body)", "$h", "$hash", "$body");
        _insertReceipts = Prepare("INSERT INTO receipts (height, body) VALUES ($h, $body)", "$h", "$body");
        _insertSignature = Prepare("INSERT OR IGNORE INTO signatures (height, validator, signature) VALUES ($h, $v, $s)", "$h", "$v", "$s");
    }

    /// <summary>
    /// Stores a block, its receipts and the given validator signatures of its header atomically and durably.
    /// </summary>
    public void AppendBlock(ulong height, byte[] hash, byte[] block, byte[] receipts, IReadOnlyList<(byte[] Validator, byte[] Signature)>? signatures = null)
    {
        lock (_lock)
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
            foreach (var (validator, signature) in signatures ?? [])
            {
                _insertSignature.Transaction = transaction;
                InsertSignature(height, validator, signature);
            }

            transaction.Commit();
        }
    }

    /// <summary>The highest stored block height, 0 when only genesis exists.</summary>
    public ulong LatestHeight()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(height), 0) FROM blocks";
            return (ulong)(long)command.ExecuteScalar()!;
        }
    }

    /// <summary>The encoded block at a height, or null.</summary>
    public byte[]? ReadBlock(ulong height) => ReadBlob("SELECT body FROM blocks WHERE height = $h", height);

    /// <summary>The encoded receipts of the block at a height, or null.</summary>
    public byte[]? ReadReceipts(ulong height) => ReadBlob("SELECT body FROM receipts WHERE height = $h", height);

    /// <summary>Stores a state snapshot taken after the block at a height.</summary>
    public void SaveSnapshot(ulong height, byte[] stateRoot, byte[] body)
    {
        lock (_lock)
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
    }

    /// <summary>The newest snapshot, or null.</summary>
    public (ulong Height, byte[] Body)? LatestSnapshot()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT height, body FROM snapshots ORDER BY height DESC LIMIT 1";
            using var reader = command.ExecuteReader();
            return reader.Read() ? ((ulong)reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
        }
    }

    /// <summary>The height of the newest snapshot, 0 when none.</summary>
    public ulong LatestSnapshotHeight()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(height), 0) FROM snapshots";
            return (ulong)(long)command.ExecuteScalar()!;
        }
    }

    /// <summary>Stores a validator's signature of the header at a height (a second copy from the same validator is ignored).</summary>
    public void AddSignature(ulong height, byte[] validator, byte[] signature)
    {
        lock (_lock)
        {
            _insertSignature.Transaction = null;
            InsertSignature(height, validator, signature);
        }
    }

    /// <summary>Every stored validator signature of the header at a height, as (validator, signature) pairs.</summary>
    public IReadOnlyList<(byte[] Validator, byte[] Signature)> ReadSignatures(ulong height)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT validator, signature FROM signatures WHERE height = $h ORDER BY validator";
            command.Parameters.AddWithValue("$h", (long)height);
            using var reader = command.ExecuteReader();
            var signatures = new List<(byte[], byte[])>();
            while (reader.Read()) signatures.Add(((byte[])reader.GetValue(0), (byte[])reader.GetValue(1)));
            return signatures;
        }
    }

    /// <summary>A metadata value, or null.</summary>
    public byte[]? ReadMeta(string key)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = $k";
            command.Parameters.AddWithValue("$k", key);
            return command.ExecuteScalar() as byte[];
        }
    }

    /// <summary>Sets a metadata value.</summary>
    public void WriteMeta(string key, byte[] value)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($k, $v)";
            command.Parameters.AddWithValue("$k", key);
            command.Parameters.AddWithValue("$v", value);
            command.ExecuteNonQuery();
        }
    }

    private void InsertSignature(ulong height, byte[] validator, byte[] signature)
    {
        _insertSignature.Parameters["$h"].Value = (long)height;
        _insertSignature.Parameters["$v"].Value = validator;
        _insertSignature.Parameters["$s"].Value = signature;
        _insertSignature.ExecuteNonQuery();
    }

    private byte[]? ReadBlob(string sql, ulong height)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$h", (long)height);
            return command.ExecuteScalar() as byte[];
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(name, name == "$h" ? SqliteType.Integer : SqliteType.Blob);
        command.Prepare();
        return command;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            _insertBlock.Dispose();
            _insertReceipts.Dispose();
            _insertSignature.Dispose();
            _connection.Dispose();
        }
    }
}
