using LithairAkka.Actors;
using LithairAkka.Benchmarks.LogStore;
using LithairAkka.Hocon;

namespace LithairAkka.Benchmarks.Persistence;

/// <summary>
/// An actor system whose default journal and snapshot store are the SQL plugins on SQLite (a fresh file) or on the
/// PostgreSQL database of <c>LITHAIR_PG_CONNECTION</c> (tables in a fresh schema, dropped afterwards).
/// </summary>
internal sealed class PersistenceBenchmarkSystem
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    private readonly string? _directory;
    private readonly string? _schema;

    public PersistenceBenchmarkSystem(string provider, string purpose)
    {
        string connectionString;
        var mapping = string.Empty;
        if (provider == Sqlite)
        {
            _directory = BenchmarkDirectory.Create("persistence-" + purpose);
            connectionString = "Data Source=" + Path.Combine(_directory, "journal.db");
        }
        else
        {
            connectionString = Environment.GetEnvironmentVariable("LITHAIR_PG_CONNECTION")
                ?? throw new InvalidOperationException("LITHAIR_PG_CONNECTION is not set.");
            _schema = "bench_" + purpose.Replace('-', '_') + "_" + Environment.ProcessId;
            mapping = $", default.schema-name = \"{_schema}\"";
            ConnectionString = connectionString;
        }

        var escaped = connectionString.Replace("\"", "\\\"", StringComparison.Ordinal);
        System = ActorSystem.Create("bench-" + purpose, ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.persistence.journal.plugin = "akka.persistence.journal.sql"
            akka.persistence.journal.sql { provider = {{provider}}, connection-string = "{{escaped}}"{{mapping}} }
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
            akka.persistence.snapshot-store.sql { provider = {{provider}}, connection-string = "{{escaped}}"{{mapping}} }
            """));
    }

    /// <summary>The providers to benchmark: SQLite, and PostgreSQL when <c>LITHAIR_PG_CONNECTION</c> is set.</summary>
    public static IEnumerable<string> Providers =>
        Environment.GetEnvironmentVariable("LITHAIR_PG_CONNECTION") is { Length: > 0 } ? [Sqlite, PostgreSql] : [Sqlite];

    public ActorSystem System { get; }

    private string? ConnectionString { get; }

    /// <summary>Stops the system and deletes the data.</summary>
    public void Shutdown()
    {
        System.Terminate().Wait(TimeSpan.FromSeconds(30));
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            BenchmarkDirectory.Delete(_directory);
        }

        if (_schema is not null && ConnectionString is not null)
        {
            using var dataSource = Npgsql.NpgsqlDataSource.Create(ConnectionString);
            using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Starts a <see cref="BenchActor"/> and waits for its recovery.</summary>
    public IActorRef Start(string persistenceId)
    {
        var recovered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.ActorOf(Props.Create(() => new BenchActor(persistenceId, recovered)));
        recovered.Task.Wait(TimeSpan.FromMinutes(1));
        return actor;
    }

    /// <summary>Sends <see cref="BenchActor.Finish"/> and returns its task.</summary>
    public static Task<long> Finish(IActorRef actor)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new BenchActor.Finish(done), ActorRefs.NoSender);
        return done.Task;
    }
}
