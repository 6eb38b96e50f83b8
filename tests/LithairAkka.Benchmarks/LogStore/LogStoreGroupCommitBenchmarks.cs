using BenchmarkDotNet.Attributes;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Benchmarks.LogStore;

/// <summary>
/// Many groups appending at once (as the shards of one node do): every group appends a batch of 10 entries of 256
/// bytes and all wait until durable. Group commit makes one fdatasync cover every group's append that queued while
/// the previous one ran. Entries per operation = groups x 10.
/// </summary>
[MemoryDiagnoser]
public class LogStoreGroupCommitBenchmarks
{
    private const int PayloadBytes = 256;
    private const int BatchSize = 10;

    private string _directory = string.Empty;
    private FileLogStore? _store;
    private long _next = 1;
    private Task[] _appends = [];
    private LogEntry[][] _batches = [];

    /// <summary>Number of groups appending concurrently.</summary>
    [Params(16, 64)]
    public int Groups { get; set; }

    /// <summary>Opens a fresh store.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = BenchmarkDirectory.Create("group-commit");
        _store = FileLogStore.OpenAsync(new FileLogStoreOptions(_directory)).AsTask().GetAwaiter().GetResult();
        _appends = new Task[Groups];
        _batches = new LogEntry[Groups][];
        for (var g = 0; g < Groups; g++)
        {
            _batches[g] = new LogEntry[BatchSize];
        }

        _next = 1;
    }

    /// <summary>Closes and deletes the store.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        BenchmarkDirectory.Delete(_directory);
    }

    /// <summary>Every group appends one batch; completes when all are durable.</summary>
    /// <returns>The appends.</returns>
    [Benchmark]
    public async Task AppendFromAllGroups()
    {
        var payload = new byte[PayloadBytes];
        for (var g = 0; g < Groups; g++)
        {
            var batch = _batches[g];
            for (var i = 0; i < BatchSize; i++)
            {
                batch[i] = new LogEntry(_next + i, 1, 0, payload);
            }

            _appends[g] = _store!.AppendAsync(g, batch).AsTask();
        }

        await Task.WhenAll(_appends);
        _next += BatchSize;
        if (_next % 20_000 < BatchSize)
        {
            for (var g = 0; g < Groups; g++)
            {
                await _store!.CompactPrefixAsync(g, _next - 1, 1);
            }
        }
    }
}
