using LithairAkka.Persistence.Tests.Actors;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Sql.Tests.Sqlite;

/// <summary>The persistent-actor contract on the SQL journal and snapshot store over SQLite.</summary>
public sealed class SqlitePersistentActorTests(SqliteDatabase database, ITestOutputHelper output)
    : PersistentActorSpec(database.Config, output), IClassFixture<SqliteDatabase>;
