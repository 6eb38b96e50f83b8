using BenchmarkDotNet.Attributes;
using LithairAkka.Persistence.Log;
using Microsoft.Win32.SafeHandles;

namespace LithairAkka.Benchmarks.LogStore;

/// <summary>
/// One group appending batches of 256-byte entries, each append awaited until durable (one fdatasync each), next to
/// its physical baseline: a bare positional write of the same bytes into a zero-filled file plus fdatasync, on the
/// same disk. The mean is the latency of a durable append; batch size / mean is the throughput; the ratio column is
/// the store's cost relative to the bare disk operation.
/// </summary>
[MemoryDiagnoser]
public class LogStoreAppendBenchmarks
{
    private const int PayloadBytes = 256;
    private const int RecordBytes = PayloadBytes + 40;
    private const long RawFileBytes = 64L << 20;

    private string _directory = string.Empty;
    private FileLogStore? _store;
    private LogEntry[] _batch = [];
    private long _next = 1;
    private SafeFileHandle? _raw;
    private byte[] _rawBuffer = [];
    private long _rawOffset;

    /// <summary>Entries per append.</summary>
    [Params(1, 10, 100)]
    public int BatchSize { get; set; }

    /// <summary>Opens a fresh store (only for the store's case, so the baseline runs with no store beside it).</summary>
    [GlobalSetup(Target = nameof(AppendDurable))]
    public void SetupStore()
    {
        _directory = BenchmarkDirectory.Create("append");
        _store = FileLogStore.OpenAsync(new FileLogStoreOptions(_directory)).AsTask().GetAwaiter().GetResult();
        _batch = new LogEntry[BatchSize];
        _next = 1;
    }

    /// <summary>Creates the zero-filled raw file (only for the baseline's case).</summary>
    [GlobalSetup(Target = nameof(RawWriteAndFlush))]
    public void SetupRaw()
    {
        _directory = BenchmarkDirectory.Create("raw-append");
        _rawBuffer = new byte[BatchSize * RecordBytes];
        new Random(1).NextBytes(_rawBuffer);
        _raw = File.OpenHandle(Path.Combine(_directory, "raw.dat"), FileMode.CreateNew, FileAccess.ReadWrite);
        var zeros = new byte[1 << 20];
        for (long at = 0; at < RawFileBytes; at += zeros.Length)
        {
            RandomAccess.Write(_raw, zeros, at);
        }

        RandomAccess.FlushToDisk(_raw);
        _rawOffset = 0;
    }

    /// <summary>Closes and deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _raw?.Dispose();
        BenchmarkDirectory.Delete(_directory);
    }

    /// <summary>The bytes of one append written in place, then fdatasync.</summary>
    [Benchmark(Baseline = true)]
    public void RawWriteAndFlush()
    {
        if (_rawOffset + _rawBuffer.Length > RawFileBytes)
        {
            // Wrap around: overwriting written blocks costs what overwriting zeroed ones does.
            _rawOffset = 0;
        }

        RandomAccess.Write(_raw!, _rawBuffer, _rawOffset);
        _rawOffset += _rawBuffer.Length;
        NativeMethods.FlushData(_raw!);
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
