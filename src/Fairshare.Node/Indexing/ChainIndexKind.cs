namespace Fairshare.Node.Indexing;

/// <summary>Where the read-side index lives.</summary>
public enum ChainIndexKind
{
    /// <summary>A SQLite file (<c>index.db</c>) in the data directory: the default.</summary>
    Sqlite = 0,

    /// <summary>A schema in a PostgreSQL database (<c>--index postgres --postgres CONNSTRING</c>).</summary>
    Postgres = 1,
}
