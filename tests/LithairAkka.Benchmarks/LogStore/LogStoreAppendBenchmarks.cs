using BenchmarkDotNet.Attributes;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Benchmarks.LogStore;

/// <summary>
/// One group appending batches of 256-byte entries, each append awaited until durable (one fdatasync each): the
/// mean is the latency of a durable append; batch size / mean is the throughput.
/// </summary>
[MemoryDiagnoser]
public class LogStoreAppendBenchmarks
{
    private const int PayloadBytes = 256;

    private string _directory = string.Empty;
    private FileLogStore? _store;
    private LogEntry[] _batch = [];
    private long _next = 1;

    /// <summary>Entries per append.</summary>
    [Params(1, 10, 100)]
    public int BatchSize { get; set; }

    /// <summary>Opens a fresh store.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = BenchmarkDirectory.Create("append");
        _store = FileLogStore.OpenAsync(new FileLogStoreOptions(_directory)).AsTask().GetAwaiter().GetResult();
        _batch = new LogEntry[BatchSize];
        _next = 1;
    }

    /// <summary>Closes and deletes the store.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        BenchmarkDirectory.Delete(_directory);
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
            // Keep the index and the disk small on long runs: compact behind, as snapshots would.
            await _store.CompactPrefixAsync(1, _next - 1, 1);
        }
    }
}
