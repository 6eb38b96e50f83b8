using static LithairAkka.Persistence.Sql.Sqlite.SqliteConnections;

namespace LithairAkka.Persistence.Sql.Sqlite;

/// <summary>Creating the journal tables.</summary>
internal sealed partial class SqliteJournalDao
{
    public Task InitializeAsync(bool createTables, CancellationToken token) => createTables
        ? _writer.RunAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var stored = SqliteSchema.ReadVersion(connection, transaction, _schemaVersion, SchemaVersion.JournalComponent);
            SchemaVersion.Check(SchemaVersion.JournalComponent, stored, SchemaVersion.Journal);
            Execute(
                connection,
                $"""
                CREATE TABLE IF NOT EXISTS {_journal} (
                    ordering INTEGER PRIMARY KEY AUTOINCREMENT,
                    created INTEGER NOT NULL,
                    deleted INTEGER NOT NULL DEFAULT 0,
                    persistence_id TEXT NOT NULL,
                    sequence_number INTEGER NOT NULL,
                    message BLOB NOT NULL,
                    tags TEXT NULL,
                    manifest TEXT NOT NULL,
                    identifier INTEGER NOT NULL,
                    writer_uuid TEXT NOT NULL,
                    UNIQUE (persistence_id, sequence_number));
                CREATE TABLE IF NOT EXISTS {_tags} (
                    ordering_id INTEGER NOT NULL,
                    tag TEXT NOT NULL,
                    persistence_id TEXT NOT NULL,
                    sequence_nr INTEGER NOT NULL,
                    PRIMARY KEY (ordering_id, tag));
                CREATE INDEX IF NOT EXISTS {Quote(_tagsName + "_persistence_id_sequence_nr")} ON {_tags} (persistence_id, sequence_nr);
                """,
                transaction);
            if (stored is null)
            {
                SqliteSchema.WriteVersion(connection, transaction, _schemaVersion, SchemaVersion.JournalComponent, SchemaVersion.Journal, _timeProvider.GetUtcNow().UtcTicks);
            }

            transaction.Commit();
            return true;
        })
        : Task.CompletedTask;
}
