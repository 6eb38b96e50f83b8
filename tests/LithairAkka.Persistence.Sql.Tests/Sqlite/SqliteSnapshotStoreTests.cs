using LithairAkka.Persistence.Tests.Snapshot;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Sql.Tests.Sqlite;

/// <summary>The snapshot-store contract on the SQL snapshot store over SQLite.</summary>
public sealed class SqliteSnapshotStoreTests(SqliteDatabase database, ITestOutputHelper output)
    : SnapshotStoreSpec(database.Config, output), IClassFixture<SqliteDatabase>;
