using System.Collections.Immutable;
using System.Numerics;
using System.Text.RegularExpressions;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Npgsql;
using NpgsqlTypes;

namespace Fairshare.Node.Indexing;

/// <summary>
/// The read-side index in PostgreSQL (<c>--index postgres</c>), for an indexer or explorer that outgrows one file:
/// the same tables as <see cref="SqliteChainIndex"/> in a schema of their own (created when missing), amounts as
/// <c>NUMERIC(78,0)</c>. Each call is one transaction that takes an advisory lock on the schema, so two writers never
/// interleave; blocks, transactions and events go in by binary COPY.
/// </summary>
public sealed partial class PostgresChainIndex : IChainIndex
{
    private readonly NpgsqlDataSource _source;
    private readonly string _schema;
    private readonly string _quoted;
    private readonly Lock _writeGate = new();
    private long _indexedHeight;

    /// <summary>
    /// Connects, creates the schema and its tables when missing, and reads the indexed height. Throws
    /// <see cref="NpgsqlException"/> when the server cannot be reached (<see cref="ChainIndexes.Open"/> turns that into
    /// a message for people) and <see cref="ArgumentException"/> for a schema name that is not a plain identifier.
    /// </summary>
    public PostgresChainIndex(string connectionString, string schema = ChainIndexOptions.DefaultSchema)
    {
        if (!IsPlainIdentifier(schema))
            throw new ArgumentException($"'{schema}' is not a plain schema name (lowercase letters, digits and '_', at most 63)", nameof(schema));
        _schema = schema;
        _quoted = "\"" + schema + "\"";
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        _source = builder.Build();
        try
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            Lock(connection);
            Execute(connection, $"""
                CREATE SCHEMA IF NOT EXISTS {_quoted};
                CREATE TABLE IF NOT EXISTS {_quoted}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS {_quoted}.blocks (
                    height BIGINT PRIMARY KEY, hash BYTEA NOT NULL, timestamp_ms BIGINT NOT NULL, proposer BYTEA NOT NULL,
                    tx_count BIGINT NOT NULL, state_root BYTEA NOT NULL);
                CREATE TABLE IF NOT EXISTS {_quoted}.transactions (
                    height BIGINT NOT NULL, position INTEGER NOT NULL, id BYTEA NOT NULL, code INTEGER NOT NULL,
                    receipt BYTEA NOT NULL, PRIMARY KEY (height, position));
                CREATE INDEX IF NOT EXISTS transactions_id ON {_quoted}.transactions (id);
                CREATE TABLE IF NOT EXISTS {_quoted}.events (
                    height BIGINT NOT NULL, position INTEGER NOT NULL, ordinal INTEGER NOT NULL, timestamp_ms BIGINT NOT NULL,
                    tx_id BYTEA NOT NULL, tag SMALLINT NOT NULL, asset BIGINT NOT NULL, sender BYTEA NOT NULL,
                    receiver BYTEA NOT NULL, amount NUMERIC(78,0) NOT NULL, PRIMARY KEY (height, position, ordinal));
                CREATE INDEX IF NOT EXISTS events_sender ON {_quoted}.events (sender, height);
                CREATE INDEX IF NOT EXISTS events_receiver ON {_quoted}.events (receiver, height);
                CREATE INDEX IF NOT EXISTS events_tag ON {_quoted}.events (tag, height);
                """);
            _indexedHeight = MaxHeight(connection);
            transaction.Commit();
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    /// <summary>The schema the tables live in.</summary>
    public string Schema => _schema;

    /// <inheritdoc/>
    public ulong IndexedHeight => (ulong)Volatile.Read(ref _indexedHeight);

    /// <summary>True for a name usable unquoted as a schema: a lowercase letter or '_', then letters, digits or '_'.</summary>
    public static bool IsPlainIdentifier(string? name) => name is not null && PlainIdentifier().IsMatch(name);

    /// <inheritdoc/>
    public void Index(Block block, ImmutableArray<Receipt> receipts) => IndexRange([(block, receipts)]);

    /// <inheritdoc/>
    public void IndexRange(IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        lock (_writeGate)
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            Lock(connection);
            long indexed = MaxHeight(connection);
            Volatile.Write(ref _indexedHeight, indexed);
            var fresh = IndexRows.NewBlocks(blocks, (ulong)indexed);
            if (fresh.Count == 0) return;
            CheckChain(connection, fresh);
            CopyBlocks(connection, fresh);
            CopyTransactions(connection, fresh);
            CopyEvents(connection, fresh);
            transaction.Commit();
            Volatile.Write(ref _indexedHeight, (long)fresh[^1].Block.Header.Height);
        }
    }

    private void CheckChain(NpgsqlConnection connection, List<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        string? stored;
        using (var read = new NpgsqlCommand($"SELECT value FROM {_quoted}.meta WHERE key = 'chain_id'", connection))
            stored = read.ExecuteScalar() as string;
        string chainId = IndexRows.ChainOf(blocks, stored);
        if (stored is not null) return;
        using var write = new NpgsqlCommand($"INSERT INTO {_quoted}.meta (key, value) VALUES ('chain_id', @chain)", connection);
        write.Parameters.Add(new NpgsqlParameter<string>("chain", NpgsqlDbType.Text) { TypedValue = chainId });
        write.ExecuteNonQuery();
    }

    private void CopyBlocks(NpgsqlConnection connection, List<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        using var copy = connection.BeginBinaryImport(
            $"COPY {_quoted}.blocks (height, hash, timestamp_ms, proposer, tx_count, state_root) FROM STDIN (FORMAT BINARY)");
        foreach (var (block, _) in blocks)
        {
            var header = block.Header;
            copy.StartRow();
            copy.Write((long)header.Height, NpgsqlDbType.Bigint);
            copy.Write(header.Hash().ToArray(), NpgsqlDbType.Bytea);
            copy.Write((long)header.TimestampMs, NpgsqlDbType.Bigint);
            copy.Write(header.Proposer.Bytes.ToArray(), NpgsqlDbType.Bytea);
            copy.Write((long)header.TransactionCount, NpgsqlDbType.Bigint);
            copy.Write(header.StateRoot.ToArray(), NpgsqlDbType.Bytea);
        }

        copy.Complete();
    }

    private void CopyTransactions(NpgsqlConnection connection, List<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        using var copy = connection.BeginBinaryImport(
            $"COPY {_quoted}.transactions (height, position, id, code, receipt) FROM STDIN (FORMAT BINARY)");
        foreach (var (block, receipts) in blocks)
        {
            for (int position = 0; position < receipts.Length; position++)
            {
                var receipt = receipts[position];
                if (!IndexRows.IsTransaction(receipt)) continue;
                copy.StartRow();
                copy.Write((long)block.Header.Height, NpgsqlDbType.Bigint);
                copy.Write(position, NpgsqlDbType.Integer);
                copy.Write(receipt.TxId.ToArray(), NpgsqlDbType.Bytea);
                copy.Write((int)receipt.Code, NpgsqlDbType.Integer);
                copy.Write(IndexRows.EncodeReceipt(receipt), NpgsqlDbType.Bytea);
            }
        }

        copy.Complete();
    }

    private void CopyEvents(NpgsqlConnection connection, List<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        using var copy = connection.BeginBinaryImport(
            $"COPY {_quoted}.events (height, position, ordinal, timestamp_ms, tx_id, tag, asset, sender, receiver, amount) FROM STDIN (FORMAT BINARY)");
        foreach (var (block, receipts) in blocks)
        {
            long height = (long)block.Header.Height;
            long timestamp = (long)block.Header.TimestampMs;
            for (int position = 0; position < receipts.Length; position++)
            {
                var receipt = receipts[position];
                var txId = receipt.TxId.ToArray();
                for (int ordinal = 0; ordinal < receipt.Events.Length; ordinal++)
                {
                    var e = receipt.Events[ordinal];
                    copy.StartRow();
                    copy.Write(height, NpgsqlDbType.Bigint);
                    copy.Write(position, NpgsqlDbType.Integer);
                    copy.Write(ordinal, NpgsqlDbType.Integer);
                    copy.Write(timestamp, NpgsqlDbType.Bigint);
                    copy.Write(txId, NpgsqlDbType.Bytea);
                    copy.Write((short)e.Tag, NpgsqlDbType.Smallint);
                    copy.Write((long)e.Asset.Value, NpgsqlDbType.Bigint);
                    copy.Write(e.From.ToArray(), NpgsqlDbType.Bytea);
                    copy.Write(e.To.ToArray(), NpgsqlDbType.Bytea);
                    copy.Write(e.Amount.ToBigInteger(), NpgsqlDbType.Numeric);
                }
            }
        }

        copy.Complete();
    }

    /// <inheritdoc/>
    public IndexedTransaction? FindTransaction(Hash32 txId)
    {
        if (txId.IsZero) return null;
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT height, position, receipt FROM {_quoted}.transactions WHERE id = @id ORDER BY height LIMIT 1", connection);
        command.Parameters.Add(new NpgsqlParameter<byte[]>("id", NpgsqlDbType.Bytea) { TypedValue = txId.ToArray() });
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new IndexedTransaction((ulong)reader.GetInt64(0), reader.GetInt32(1), IndexRows.DecodeReceipt(reader.GetFieldValue<byte[]>(2)));
    }

    /// <inheritdoc/>
    public IReadOnlyList<IndexedFlow> Flows(FlowQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0 || query.FromHeight > query.ToHeight) return [];
        var (from, to) = IndexRows.Heights(query);
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(
            $"SELECT height, timestamp_ms, tx_id, tag, asset, sender, receiver, amount FROM {_quoted}.events " +
            $"WHERE {IndexRows.FlowFilter(query, name => "@" + name)} ORDER BY height, position, ordinal LIMIT @limit", connection);
        command.Parameters.Add(new NpgsqlParameter<long>("from", NpgsqlDbType.Bigint) { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<long>("to", NpgsqlDbType.Bigint) { TypedValue = to });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = query.Limit });
        if (query.Account is { } account) command.Parameters.Add(new NpgsqlParameter<byte[]>("account", NpgsqlDbType.Bytea) { TypedValue = account.ToArray() });
        if (query.Tag is { } tag) command.Parameters.Add(new NpgsqlParameter<short>("tag", NpgsqlDbType.Smallint) { TypedValue = (short)tag });
        if (query.Asset is { } asset) command.Parameters.Add(new NpgsqlParameter<long>("asset", NpgsqlDbType.Bigint) { TypedValue = asset.Value });
        var flows = new List<IndexedFlow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!Amount.TryFromBigInteger(reader.GetFieldValue<BigInteger>(7), out var amount))
                throw new InvalidDataException("an indexed amount is outside 0..2^256-1: the index is corrupt; drop its schema to rebuild");
            var e = new LedgerEvent(
                (FlowTag)reader.GetInt16(3),
                new AssetId((uint)reader.GetInt64(4)),
                Address.Read(reader.GetFieldValue<byte[]>(5)),
                Address.Read(reader.GetFieldValue<byte[]>(6)),
                amount);
            flows.Add(new IndexedFlow((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1), Hash32.Read(reader.GetFieldValue<byte[]>(2)), e));
        }

        return flows;
    }

    private void Lock(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext(@key))", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("key", NpgsqlDbType.Text) { TypedValue = "fairshare-index:" + _schema });
        command.ExecuteNonQuery();
    }

    private long MaxHeight(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand($"SELECT COALESCE(MAX(height), 0) FROM {_quoted}.blocks", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
