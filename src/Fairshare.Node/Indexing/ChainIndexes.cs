using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Node.Chain;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fairshare.Node.Indexing;

/// <summary>Opens the configured read-side index, and brings an index that lags the chain store up to date.</summary>
public static class ChainIndexes
{
    /// <summary>Blocks per <see cref="IChainIndex.IndexRange"/> call during catch-up.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>
    /// Opens the index the options choose: <c>index.db</c> in the data directory, or a schema in PostgreSQL.
    /// Misconfiguration and an unreachable server are <see cref="UserFacingException"/>s that say what to do.
    /// </summary>
    public static IChainIndex Open(ChainIndexOptions options, DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        return options.Kind switch
        {
            ChainIndexKind.Sqlite => OpenSqlite(data.IndexPath),
            ChainIndexKind.Postgres => OpenPostgres(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown index kind"),
        };
    }

    private static SqliteChainIndex OpenSqlite(string path)
    {
        try
        {
            return new SqliteChainIndex(path);
        }
        catch (SqliteException e)
        {
            throw new UserFacingException("index_unreadable", $"cannot open the index {path} ({e.Message}); delete it and the node rebuilds it from the chain");
        }
    }

    private static PostgresChainIndex OpenPostgres(ChainIndexOptions options)
    {
        const string Hint = "start it with scripts/postgres.sh or pass --index sqlite";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new UserFacingException("postgres_not_configured", "--index postgres needs --postgres \"Host=HOST;Port=PORT;Username=USER;Database=DB\" (bash scripts/postgres.sh url prints one), or pass --index sqlite");
        if (!PostgresChainIndex.IsPlainIdentifier(options.Schema))
            throw new UserFacingException("bad_postgres_schema", $"'{options.Schema}' is not a plain PostgreSQL schema name (lowercase letters, digits and '_')");
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new UserFacingException("bad_postgres_connection_string", $"--postgres is not a valid connection string ({e.Message}); expected \"Host=HOST;Port=PORT;Username=USER;Database=DB\"");
        }

        string where = $"{(string.IsNullOrEmpty(settings.Host) ? "localhost" : settings.Host)}:{settings.Port}";
        try
        {
            return new PostgresChainIndex(options.ConnectionString, options.Schema);
        }
        catch (PostgresException e)
        {
            throw new UserFacingException("postgres_refused", $"PostgreSQL at {where} refused the index: {e.MessageText} (SQLSTATE {e.SqlState}); check --postgres, or pass --index sqlite");
        }
        catch (NpgsqlException e)
        {
            var reason = e.GetBaseException().Message;
            throw new UserFacingException("postgres_unreachable", $"cannot reach PostgreSQL at {where} ({reason}); {Hint}");
        }
    }

    /// <summary>
    /// Indexes every block the node has stored above the index's height, <paramref name="batchSize"/> blocks per
    /// transaction; returns how many blocks were indexed. Run it at start, before following new blocks.
    /// </summary>
    public static ulong CatchUp(IChainIndex index, LedgerNode node, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(node);
        return CatchUp(index, node.State.Head.Height, node.ReadBlock, node.ReadReceipts, batchSize);
    }

    /// <summary>
    /// As <see cref="CatchUp(IChainIndex, LedgerNode, int)"/>, for any store: <paramref name="headHeight"/> is its newest
    /// block, <paramref name="readBlock"/> and <paramref name="readReceipts"/> read one height. An index ahead of the
    /// store belongs to another chain or data directory and is refused.
    /// </summary>
    public static ulong CatchUp(
        IChainIndex index,
        ulong headHeight,
        Func<ulong, Block?> readBlock,
        Func<ulong, ImmutableArray<Receipt>> readReceipts,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(readBlock);
        ArgumentNullException.ThrowIfNull(readReceipts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ulong start = index.IndexedHeight;
        if (start > headHeight)
            throw new UserFacingException("index_ahead", $"the index is at height {start} but the chain is at {headHeight}: it belongs to another chain or data directory; delete index.db or use a fresh --postgres schema");
        var batch = new List<(Block Block, ImmutableArray<Receipt> Receipts)>((int)Math.Min((ulong)batchSize, headHeight - start));
        for (ulong height = start + 1; height <= headHeight; height++)
        {
            var block = readBlock(height) ?? throw new UserFacingException("store_corrupt", $"block {height} is missing from the store, so the index cannot catch up");
            batch.Add((block, readReceipts(height)));
            if (batch.Count < batchSize) continue;
            index.IndexRange(batch);
            batch.Clear();
        }

        if (batch.Count > 0) index.IndexRange(batch);
        return headHeight - start;
    }
}
