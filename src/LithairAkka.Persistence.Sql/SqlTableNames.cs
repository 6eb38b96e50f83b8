namespace LithairAkka.Persistence.Sql;

/// <summary>
/// The tables of the SQL plugins (Akka.Persistence.Sql's default mapping), from the <c>table-mapping</c> section of
/// a plugin's config. Columns keep their default names. Immutable.
/// </summary>
/// <param name="Schema">PostgreSQL schema, or empty for the connection's default.</param>
/// <param name="Journal">The event table.</param>
/// <param name="Tags">The table of event tags.</param>
/// <param name="Snapshot">The snapshot table.</param>
/// <param name="SchemaVersion">The table recording which schema version each component's tables have.</param>
public sealed record SqlTableNames(string Schema, string Journal, string Tags, string Snapshot, string SchemaVersion)
{
    /// <summary>journal, tags, snapshot, schema_version in the default schema.</summary>
    public static SqlTableNames Default { get; } = new(string.Empty, "journal", "tags", "snapshot", "schema_version");
}
