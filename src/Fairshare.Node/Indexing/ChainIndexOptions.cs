namespace Fairshare.Node.Indexing;

/// <summary>
/// How to open the read-side index: <see cref="ChainIndexKind.Sqlite"/> (the default, in the data directory) or
/// <see cref="ChainIndexKind.Postgres"/> with an Npgsql <see cref="ConnectionString"/> and the <see cref="Schema"/>
/// its tables live in (created when missing).
/// </summary>
public sealed record ChainIndexOptions(ChainIndexKind Kind = ChainIndexKind.Sqlite, string? ConnectionString = null, string Schema = ChainIndexOptions.DefaultSchema)
{
    /// <summary>The PostgreSQL schema used when none is given.</summary>
    public const string DefaultSchema = "fairshare";

    /// <summary>The default: SQLite in the data directory.</summary>
    public static ChainIndexOptions Sqlite { get; } = new();

    /// <summary>PostgreSQL at a connection string such as <c>Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres</c>.</summary>
    public static ChainIndexOptions Postgres(string connectionString, string schema = DefaultSchema) =>
        new(ChainIndexKind.Postgres, connectionString, schema);

    /// <summary>Parses the <c>--index</c> value (<c>sqlite</c> or <c>postgres</c>, any case); false for anything else.</summary>
    public static bool TryParseKind(string? text, out ChainIndexKind kind)
    {
        kind = ChainIndexKind.Sqlite;
        if (string.Equals(text, "sqlite", StringComparison.OrdinalIgnoreCase)) return true;
        if (!string.Equals(text, "postgres", StringComparison.OrdinalIgnoreCase)) return false;
        kind = ChainIndexKind.Postgres;
        return true;
    }
}
