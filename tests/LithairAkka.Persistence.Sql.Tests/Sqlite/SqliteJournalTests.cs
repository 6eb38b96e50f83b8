using LithairAkka.Persistence.Tests.Journal;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Sql.Tests.Sqlite;

/// <summary>The journal contract on the SQL journal over SQLite.</summary>
public sealed class SqliteJournalTests(SqliteDatabase database, ITestOutputHelper output)
    : JournalSpec(database.Config, output), IClassFixture<SqliteDatabase>;
