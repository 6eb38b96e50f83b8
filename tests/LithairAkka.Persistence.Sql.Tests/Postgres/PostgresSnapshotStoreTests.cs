using LithairAkka.Persistence.Tests.Snapshot;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Sql.Tests.Postgres;

/// <summary>The snapshot-store contract on the SQL snapshot store over PostgreSQL.</summary>
[RequiresPostgres]
public sealed class PostgresSnapshotStoreTests(ITestOutputHelper output) : SnapshotStoreSpec(PostgresDatabase.Config, output);
