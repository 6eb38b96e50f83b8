using BenchmarkDotNet.Attributes;
using LithairAkka.Persistence.Log;
using LithairAkka.Persistence.Sql;
using LithairAkka.Persistence.Sql.Log;

namespace LithairAkka.Benchmarks.LogStore;

/// <summary>
/// The same workload as <see cref="LogStoreAppendBenchmarks"/> (one group, 256-byte entries, each append awaited until
/// durable) on the SQL log store: SQLite in WAL mode with <c>synchronous=FULL</c> in a temp directory, and PostgreSQL
/// from <c>LITHAIR_PG_CONNECTION</c> (<c>ops/ci/postgres.sh start</c> prints one). Compare with the file store's rows.
/// </summary>
[MemoryDiagnoser]
public class SqlLogStoreAppendBenchmarks
{
    private const int PayloadBytes = 256;

    private string _directory = string.Empty;
    private SqlLogStore? _store;
    private LogEntry[] _batch = [];
    private long _next = 1;

    /// <summary>The database behind the store.</summary>
    [Params(SqlProvider.Sqlite, SqlProvider.PostgreSql)]
    public SqlProvider Provider { get; set; }

    /// <summary>Entries per append.</summary>
    [Params(1, 10, 100)]
    public int BatchSize { get; set; }

    /// <summary>Opens a fresh store on fresh tables.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        SqlLogStoreOptions options;
        if (Provider == SqlProvider.Sqlite)
        {
            _directory = BenchmarkDirectory.Create("sql-append");
            options = new SqlLogStoreOptions(Provider, $"Data Source={Path.Combine(_directory, "log.db")}");
        }
        else
        {
            var connection = Environment.GetEnvironmentVariable("LITHAIR_PG_CONNECTION")
                ?? throw new InvalidOperationException("Set LITHAIR_PG_CONNECTION (ops/ci/postgres.sh start prints one) to run the PostgreSQL case.");
            options = new SqlLogStoreOptions(Provider, connection) { EntryTable = "bench_log_entry_" + suffix, GroupTable = "bench_log_group_" + suffix };
        }

        _store = SqlLogStore.OpenAsync(options).GetAwaiter().GetResult();
        _batch = new LogEntry[BatchSize];
        _next = 1;
    }

    /// <summary>Closes the store and deletes its files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_directory.Length > 0)
        {
            BenchmarkDirectory.Delete(_directory);
        }
    }

    /// <summary>Appends one batch and waits until it is durable.</summary>
    /// <returns>The append.</returns>
    [Benchmark]
    public async Task AppendDurable()
    {
        var payload = new byte[PayloadBytes];
        for (var i = 0; i < _batch.Length; i++)
        {
            _batch[i] = new LogEntry(_next + i, 1, 0, payload);
        }

        await _store!.AppendAsync(1, _batch);
        _next += _batch.Length;
        if (_next % 200_000 < _batch.Length)
        {
            // Keep the tables small on long runs: compact behind, as snapshots would.
            await _store.CompactPrefixAsync(1, _next - 1, 1);
        }
    }
}
