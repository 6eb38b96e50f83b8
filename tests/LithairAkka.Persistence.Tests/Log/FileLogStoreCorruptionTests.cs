using LithairAkka.Persistence.Log;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>Damaged files: corruption in the middle is refused with a precise report, a torn tail is trimmed.</summary>
public sealed class FileLogStoreCorruptionTests : IDisposable
{
    private const int EntryHeader = 40;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_EntryChecksumMismatchInTheMiddle_ThrowsNamingFileOffsetGroupIndexAndChecksums()
    {
        await WriteAsync(group: 4, batches: 10, perBatch: 10);
        var (path, payloadAt) = StoreFiles.Find(_directory.Path, Entries.Make(4, 37, 1).Payload.Span);
        StoreFiles.FlipByte(path, payloadAt + 5);

        var error = await Assert.ThrowsAsync<LogCorruptionException>(async () => await FileLogStore.OpenAsync(Options()));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(payloadAt - EntryHeader, error.Offset);
        Assert.Equal(4, error.GroupId);
        Assert.Equal(37, error.Index);
        Assert.NotNull(error.ExpectedChecksum);
        Assert.NotEqual(error.ExpectedChecksum, error.FoundChecksum);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("group 4, index 37", error.Message, StringComparison.Ordinal);
        Assert.Contains($"expected 0x{error.ExpectedChecksum:X8}, found 0x{error.FoundChecksum:X8}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_CorruptionWithoutCheckpoint_StillThrows()
    {
        await WriteAsync(group: 1, batches: 10, perBatch: 5);
        File.Delete(Path.Combine(_directory.Path, "checkpoint.dat"));
        var (path, payloadAt) = StoreFiles.Find(_directory.Path, Entries.Make(1, 12, 1).Payload.Span);
        StoreFiles.FlipByte(path, payloadAt);

        var error = await Assert.ThrowsAsync<LogCorruptionException>(async () => await FileLogStore.OpenAsync(Options()));

        Assert.Equal((1L, 12L), (error.GroupId, error.Index));
    }

    [Fact]
    public async Task OpenAsync_ZeroedBytesFollowedByValidFrames_Throws()
    {
        await WriteAsync(group: 1, batches: 10, perBatch: 5);
        var (path, payloadAt) = StoreFiles.Find(_directory.Path, Entries.Make(1, 6, 1).Payload.Span);

        // Wipe the frame holding entries 6-10 entirely: a hole, not a torn tail, since frames follow.
        StoreFiles.Write(path, payloadAt - EntryHeader - 24, new byte[(5 * (EntryHeader + 32)) + 24]);

        await Assert.ThrowsAsync<LogCorruptionException>(async () => await FileLogStore.OpenAsync(Options()));
    }

    [Fact]
    public async Task OpenAsync_MissingMiddleSegment_Throws()
    {
        await WriteAsync(group: 1, batches: 200, perBatch: 10, segmentSize: 64 << 10);
        var segments = StoreFiles.Segments(_directory.Path);
        Assert.True(segments.Length >= 3);
        File.Delete(segments[1]);

        var error = await Assert.ThrowsAsync<LogCorruptionException>(async () => await FileLogStore.OpenAsync(Options(64 << 10)));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_GarbageAfterLastFrame_TrimsItAndWarnsWithByteCount()
    {
        await WriteAsync(group: 2, batches: 3, perBatch: 10);
        var path = StoreFiles.Segments(_directory.Path)[^1];
        var end = (StoreFiles.DataEnd(path) + 7) & ~7L;
        var garbage = new byte[100];
        new Random(1).NextBytes(garbage);
        garbage[0] = 0xFF;
        garbage[^1] = 0xFF;
        StoreFiles.Write(path, end, garbage);
        var logger = new ListLogger();

        await using (var store = await FileLogStore.OpenAsync(Options(), logger))
        {
            Assert.Equal(30, store.GetGroupInfo(2).LastIndex);
            await store.AppendAsync(2, Entries.Range(2, 31, 2, term: 1));
        }

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(3100, warning.Id.Id);
        Assert.Contains("100 bytes", warning.Message, StringComparison.Ordinal);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);
        await using var reopened = await FileLogStore.OpenAsync(Options());
        var read = await reopened.ReadAsync(2, 1, 100, long.MaxValue);
        Assert.Equal(32, read.Count);
        Entries.AssertMatches(2, read[^1], 32, 1);
    }

    [Fact]
    public async Task OpenAsync_PartlyWrittenLastFrame_DropsThatFrameOnlyAndWarns()
    {
        await WriteAsync(group: 3, batches: 2, perBatch: 10);
        File.Delete(Path.Combine(_directory.Path, "checkpoint.dat"));
        var (path, payloadAt) = StoreFiles.Find(_directory.Path, Entries.Make(3, 15, 1).Payload.Span);
        var end = StoreFiles.DataEnd(path);
        StoreFiles.Write(path, payloadAt, new byte[end - payloadAt]);
        var logger = new ListLogger();

        await using var store = await FileLogStore.OpenAsync(Options(), logger);

        Assert.Equal(10, store.GetGroupInfo(3).LastIndex);
        Entries.AssertMatches(3, (await store.ReadAsync(3, 10, 11, long.MaxValue))[0], 10, 1);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("torn tail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_CorruptEntryCoveredByCheckpointWithoutVerification_ThrowsAndFaultsStore()
    {
        await WriteAsync(group: 5, batches: 4, perBatch: 10);
        var (path, payloadAt) = StoreFiles.Find(_directory.Path, Entries.Make(5, 22, 1).Payload.Span);
        StoreFiles.FlipByte(path, payloadAt + 1);

        await using var store = await FileLogStore.OpenAsync(Options() with { VerifyChecksumsOnOpen = false });
        Entries.AssertMatches(5, (await store.ReadAsync(5, 21, 22, long.MaxValue))[0], 21, 1);
        var error = await Assert.ThrowsAsync<LogCorruptionException>(async () => await store.ReadAsync(5, 20, 30, long.MaxValue));

        Assert.Equal((5L, 22L, path), (error.GroupId, error.Index, error.FilePath));
        await Assert.ThrowsAsync<LogStoreFaultedException>(async () => await store.AppendAsync(5, Entries.Range(5, 41, 1, 1)));
        Assert.Throws<LogStoreFaultedException>(() => store.GetGroupInfo(5));
    }

    private FileLogStoreOptions Options(int segmentSize = 1 << 20) => new(_directory.Path) { SegmentSize = segmentSize };

    private async Task WriteAsync(long group, int batches, int perBatch, int segmentSize = 1 << 20)
    {
        await using var store = await FileLogStore.OpenAsync(Options(segmentSize));
        for (var b = 0; b < batches; b++)
        {
            await store.AppendAsync(group, Entries.Range(group, 1 + (b * perBatch), perBatch, term: 1));
        }
    }
}
