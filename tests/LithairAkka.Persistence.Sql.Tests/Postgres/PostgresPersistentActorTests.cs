using LithairAkka.Persistence.Tests.Actors;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Sql.Tests.Postgres;

/// <summary>The persistent-actor contract on the SQL journal and snapshot store over PostgreSQL.</summary>
[RequiresPostgres]
public sealed class PostgresPersistentActorTests(ITestOutputHelper output) : PersistentActorSpec(PostgresDatabase.Config, output);
