using LithairAkka.Persistence.Tests.Journal;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Sql.Tests.Postgres;

/// <summary>The journal contract on the SQL journal over PostgreSQL.</summary>
[RequiresPostgres]
public sealed class PostgresJournalTests(ITestOutputHelper output) : JournalSpec(PostgresDatabase.Config, output);
