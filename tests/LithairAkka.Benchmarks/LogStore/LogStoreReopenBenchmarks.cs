using BenchmarkDotNet.Attributes;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Benchmarks.LogStore;

/// <summary>
/// Opening a store that holds one million 256-byte entries (about 300 MB in 5 segments of 64 MiB): from the
/// checkpoint with every record verified (the default), from the checkpoint alone, and with no checkpoint at all.
/// </summary>
public class LogStoreReopenBenchmarks
{
    private const int Entries = 1_000_000;
    private const int BatchSize = 1000;

    private string _directory = string.Empty;

    /// <summary>How the store opens.</summary>
    [Params("checkpoint+verify", "checkpoint-only", "full-replay")]
    public string Mode { get; set; } = "checkpoint+verify";

    /// <summary>Writes the log once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = BenchmarkDirectory.Create("reopen");
        var store = FileLogStore.OpenAsync(new FileLogStoreOptions(_directory)).AsTask().GetAwaiter().GetResult();
        var payload = new byte[256];
        var batch = new LogEntry[BatchSize];
        for (var b = 0; b < Entries / BatchSize; b++)
        {
            for (var i = 0; i < BatchSize; i++)
            {
                batch[i] = new LogEntry(1 + (b * BatchSize) + i, 1, 0, payload);
            }

            store.AppendAsync((b % 4) + 1, Shift(batch, b)).AsTask().GetAwaiter().GetResult();
        }

        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (Mode == "full-replay")
        {
            File.Delete(Path.Combine(_directory, "checkpoint.dat"));
        }
    }

    /// <summary>Deletes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => BenchmarkDirectory.Delete(_directory);

    /// <summary>Opens and closes the store.</summary>
    /// <returns>The open and close.</returns>
    [Benchmark]
    public async Task OpenAndClose()
    {
        var options = new FileLogStoreOptions(_directory) { VerifyChecksumsOnOpen = Mode != "checkpoint-only" };
        var store = await FileLogStore.OpenAsync(options);
        if (store.GetGroupInfo(1).EntryCount != Entries / 4)
        {
            throw new InvalidOperationException("the store did not reopen with every entry");
        }

        await store.DisposeAsync();
    }

    // Four groups take turns, so each group's indices advance by one batch every four batches.
    private static LogEntry[] Shift(LogEntry[] batch, int b)
    {
        var baseIndex = (b / 4 * BatchSize) + 1;
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = batch[i] with { Index = baseIndex + i };
        }

        return batch;
    }
}
