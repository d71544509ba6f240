using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Microsoft.Data.Sqlite;

namespace Fairshare.Node.Indexing;

/// <summary>
/// The default read-side index: one SQLite file (<c>index.db</c> in the data directory, WAL, synchronous=NORMAL),
/// apart from the chain store, so it can be deleted and rebuilt at any time. Writes go through one connection and
/// one prepared statement per table, one transaction per call; reads use a second connection, so queries do not wait
/// for a long catch-up. A crash may lose the last indexed blocks but never half a block: the next
/// <see cref="ChainIndexes.CatchUp(IChainIndex, Chain.LedgerNode, int)"/> indexes them again.
/// Amounts are 32-byte big-endian blobs, exact and ordered like the numbers.
/// </summary>
public sealed class SqliteChainIndex : IChainIndex
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS blocks (
            height INTEGER PRIMARY KEY, hash BLOB NOT NULL, timestamp_ms INTEGER NOT NULL, proposer BLOB NOT NULL,
            tx_count INTEGER NOT NULL, state_root BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS transactions (
            height INTEGER NOT NULL, position INTEGER NOT NULL, id BLOB NOT NULL, code INTEGER NOT NULL,
            receipt BLOB NOT NULL, PRIMARY KEY (height, position)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS transactions_id ON transactions (id);
        CREATE TABLE IF NOT EXISTS events (
            height INTEGER NOT NULL, position INTEGER NOT NULL, ordinal INTEGER NOT NULL, timestamp_ms INTEGER NOT NULL,
            tx_id BLOB NOT NULL, tag INTEGER NOT NULL, asset INTEGER NOT NULL, sender BLOB NOT NULL, receiver BLOB NOT NULL,
            amount BLOB NOT NULL, PRIMARY KEY (height, position, ordinal)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS events_sender ON events (sender, height);
        CREATE INDEX IF NOT EXISTS events_receiver ON events (receiver, height);
        CREATE INDEX IF NOT EXISTS events_tag ON events (tag, height);
        """;

    private const string FlowColumns = "height, timestamp_ms, tx_id, tag, asset, sender, receiver, amount";

    private readonly Lock _writeGate = new();
    private readonly Lock _readGate = new();
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private readonly SqliteCommand _maxHeight;
    private readonly SqliteCommand _readChain;
    private readonly SqliteCommand _writeChain;
    private readonly SqliteCommand _insertBlock;
    private readonly SqliteCommand _insertTransaction;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _findTransaction;
    private readonly SqliteCommand?[] _flows = new SqliteCommand?[8];
    private long _indexedHeight;
    private bool _disposed;

    /// <summary>Opens (and creates when missing) the index file at the path.</summary>
    public SqliteChainIndex(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _writer = new SqliteConnection(connectionString);
        _writer.Open();
        Execute(_writer, "PRAGMA journal_mode=WAL;");
        Execute(_writer, "PRAGMA synchronous=NORMAL;");
        Execute(_writer, "PRAGMA cache_size=-65536;");
        Execute(_writer, Schema);
        _reader = new SqliteConnection(connectionString);
        _reader.Open();
        _maxHeight = Prepare(_writer, "SELECT COALESCE(MAX(height), 0) FROM blocks");
        _readChain = Prepare(_writer, "SELECT value FROM meta WHERE key = 'chain_id'");
        _writeChain = Prepare(_writer, "INSERT INTO meta (key, value) VALUES ('chain_id', $chain)", ("$chain", SqliteType.Text));
        _insertBlock = Prepare(_writer,
            "INSERT INTO blocks (height, hash, timestamp_ms, proposer, tx_count, state_root) VALUES ($height, $hash, $ts, $proposer, $count, $root)",
            ("$height", SqliteType.Integer), ("$hash", SqliteType.Blob), ("$ts", SqliteType.Integer), ("$proposer", SqliteType.Blob),
            ("$count", SqliteType.Integer), ("$root", SqliteType.Blob));
        _insertTransaction = Prepare(_writer,
            "INSERT INTO transactions (height, position, id, code, receipt) VALUES ($height, $position, $id, $code, $receipt)",
            ("$height", SqliteType.Integer), ("$position", SqliteType.Integer), ("$id", SqliteType.Blob), ("$code", SqliteType.Integer),
            ("$receipt", SqliteType.Blob));
        _insertEvent = Prepare(_writer,
            "INSERT INTO events (height, position, ordinal, timestamp_ms, tx_id, tag, asset, sender, receiver, amount) " +
            "VALUES ($height, $position, $ordinal, $ts, $tx, $tag, $asset, $from, $to, $amount)",
            ("$height", SqliteType.Integer), ("$position", SqliteType.Integer), ("$ordinal", SqliteType.Integer), ("$ts", SqliteType.Integer),
            ("$tx", SqliteType.Blob), ("$tag", SqliteType.Integer), ("$asset", SqliteType.Integer), ("$from", SqliteType.Blob),
            ("$to", SqliteType.Blob), ("$amount", SqliteType.Blob));
        _findTransaction = Prepare(_reader,
            "SELECT height, position, receipt FROM transactions WHERE id = $id ORDER BY height LIMIT 1", ("$id", SqliteType.Blob));
        _indexedHeight = (long)_maxHeight.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public ulong IndexedHeight => (ulong)Volatile.Read(ref _indexedHeight);

    /// <inheritdoc/>
    public void Index(Block block, ImmutableArray<Receipt> receipts) => IndexRange([(block, receipts)]);

    /// <inheritdoc/>
    public void IndexRange(IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction();
            foreach (var command in (SqliteCommand[])[_maxHeight, _readChain, _writeChain, _insertBlock, _insertTransaction, _insertEvent])
                command.Transaction = transaction;
            long indexed = (long)_maxHeight.ExecuteScalar()!;
            Volatile.Write(ref _indexedHeight, indexed);
            var fresh = IndexRows.NewBlocks(blocks, (ulong)indexed);
            if (fresh.Count == 0) return;
            var stored = _readChain.ExecuteScalar() as string;
            var chainId = IndexRows.ChainOf(fresh, stored);
            if (stored is null) Run(_writeChain, chainId);
            var amount = new byte[32];
            foreach (var (block, receipts) in fresh) Insert(block, receipts, amount);
            transaction.Commit();
            Volatile.Write(ref _indexedHeight, (long)fresh[^1].Block.Header.Height);
        }
    }

    private void Insert(Block block, ImmutableArray<Receipt> receipts, byte[] amount)
    {
        var header = block.Header;
        long height = (long)header.Height;
        long timestamp = (long)header.TimestampMs;
        Run(_insertBlock, height, header.Hash().ToArray(), timestamp, header.Proposer.Bytes.ToArray(), (long)header.TransactionCount, header.StateRoot.ToArray());
        for (int position = 0; position < receipts.Length; position++)
        {
            var receipt = receipts[position];
            var txId = receipt.TxId.ToArray();
            if (IndexRows.IsTransaction(receipt))
                Run(_insertTransaction, height, position, txId, (int)receipt.Code, IndexRows.EncodeReceipt(receipt));
            for (int ordinal = 0; ordinal < receipt.Events.Length; ordinal++)
            {
                var e = receipt.Events[ordinal];
                e.Amount.WriteBigEndian(amount);
                Run(_insertEvent, height, position, ordinal, timestamp, txId, (int)e.Tag, (long)e.Asset.Value, e.From.ToArray(), e.To.ToArray(), amount);
            }
        }
    }

    /// <summary>Binds the values to the statement's parameters in order (the order of its VALUES list) and runs it.</summary>
    private static void Run(SqliteCommand command, params ReadOnlySpan<object> values)
    {
        var parameters = command.Parameters;
        for (int i = 0; i < values.Length; i++) parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IndexedTransaction? FindTransaction(Hash32 txId)
    {
        if (txId.IsZero) return null;
        lock (_readGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _findTransaction.Parameters["$id"].Value = txId.ToArray();
            using var reader = _findTransaction.ExecuteReader();
            if (!reader.Read()) return null;
            return new IndexedTransaction((ulong)reader.GetInt64(0), reader.GetInt32(1), IndexRows.DecodeReceipt(reader.GetFieldValue<byte[]>(2)));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<IndexedFlow> Flows(FlowQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0 || query.FromHeight > query.ToHeight) return [];
        lock (_readGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var command = FlowCommand(query);
            var (from, to) = IndexRows.Heights(query);
            command.Parameters["$from"].Value = from;
            command.Parameters["$to"].Value = to;
            command.Parameters["$limit"].Value = query.Limit;
            if (query.Account is { } account) command.Parameters["$account"].Value = account.ToArray();
            if (query.Tag is { } tag) command.Parameters["$tag"].Value = (int)tag;
            if (query.Asset is { } asset) command.Parameters["$asset"].Value = (long)asset.Value;
            var flows = new List<IndexedFlow>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var e = new LedgerEvent(
                    (FlowTag)reader.GetInt32(3),
                    new AssetId((uint)reader.GetInt64(4)),
                    Address.Read(reader.GetFieldValue<byte[]>(5)),
                    Address.Read(reader.GetFieldValue<byte[]>(6)),
                    Amount.ReadBigEndian(reader.GetFieldValue<byte[]>(7)));
                flows.Add(new IndexedFlow((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1), Hash32.Read(reader.GetFieldValue<byte[]>(2)), e));
            }

            return flows;
        }
    }

    private SqliteCommand FlowCommand(FlowQuery query)
    {
        int shape = IndexRows.Shape(query);
        if (_flows[shape] is { } cached) return cached;
        var parameters = new List<(string, SqliteType)> { ("$from", SqliteType.Integer), ("$to", SqliteType.Integer), ("$limit", SqliteType.Integer) };
        if (query.Account is not null) parameters.Add(("$account", SqliteType.Blob));
        if (query.Tag is not null) parameters.Add(("$tag", SqliteType.Integer));
        if (query.Asset is not null) parameters.Add(("$asset", SqliteType.Integer));
        string sql = $"SELECT {FlowColumns} FROM events WHERE {IndexRows.FlowFilter(query, name => "$" + name)} " +
                     "ORDER BY height, position, ordinal LIMIT $limit";
        return _flows[shape] = Prepare(_reader, sql, [.. parameters]);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters) command.Parameters.Add(name, type);
        command.Prepare();
        return command;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_writeGate)
        {
            lock (_readGate)
            {
                if (_disposed) return;
                _disposed = true;
                foreach (var command in _flows) command?.Dispose();
                _maxHeight.Dispose();
                _readChain.Dispose();
                _writeChain.Dispose();
                _insertBlock.Dispose();
                _insertTransaction.Dispose();
                _insertEvent.Dispose();
                _findTransaction.Dispose();
                _reader.Dispose();
                _writer.Dispose();
            }
        }
    }
}
