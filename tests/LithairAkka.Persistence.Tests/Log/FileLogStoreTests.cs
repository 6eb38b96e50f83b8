using LithairAkka.Persistence.Log;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Persistence.Tests.Log;

/// <summary>File-store behaviour beyond the contract: segments, checkpoints, locking, large batches.</summary>
public sealed class FileLogStoreTests : IDisposable
{
    private const int SmallSegment = 64 << 10;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CompactPrefixAsync_OldSegmentsDead_DeletesThemAndKeepsStateWrittenOnlyInThem()
    {
        await using (var store = await OpenAsync())
        {
            // Group 2's hard state and compaction point are written once, into the first segment.
            await store.SaveHardStateAsync(2, new HardState(3, 1, 0));
            await store.CompactPrefixAsync(2, 50, 3);
            for (var b = 0; b < 80; b++)
            {
                await store.AppendAsync(1, Entries.Range(1, 1 + (b * 20), 20, term: 1, payloadBytes: 200));
            }

            var before = StoreFiles.Segments(_directory.Path).Length;
            await store.CompactPrefixAsync(1, 1580, 1);

            // The writer deletes dead segments after completing the round; the next round starts after that.
            await store.SaveHardStateAsync(1, new HardState(1, null, 0));

            Assert.True(before > 5, $"expected several segments, got {before}");
            Assert.True(StoreFiles.Segments(_directory.Path).Length < before - 3, $"{before} -> {string.Join(",", StoreFiles.Segments(_directory.Path).Select(Path.GetFileName))}");
            Assert.DoesNotContain(StoreFiles.Segments(_directory.Path), p => p.EndsWith("00000000000000000001.seg", StringComparison.Ordinal));
        }

        File.Delete(Path.Combine(_directory.Path, "checkpoint.dat"));
        await using var reopened = await OpenAsync();
        Assert.Equal(new LogGroupInfo(2, 51, 50, 3, 50, 3, new HardState(3, 1, 0)), reopened.GetGroupInfo(2));
        Assert.Equal(new LogGroupInfo(1, 1581, 1600, 1, 1580, 1, new HardState(1, null, 0)), reopened.GetGroupInfo(1));
        var read = await reopened.ReadAsync(1, 1581, 1601, long.MaxValue);
        Entries.AssertMatches(1, read[^1], 1600, 1, 200);
    }

    [Fact]
    public async Task CompactPrefixAsync_IdleGroupHoldsOldestSegment_RelocatesItsEntriesAndDeletesSegment()
    {
        await using (var store = await OpenAsync())
        {
            await store.AppendAsync(3, Entries.Range(3, 1, 3, term: 2));
            await store.SaveHardStateAsync(3, new HardState(2, 0, 3));
            for (var b = 0; b < 80; b++)
            {
                await store.AppendAsync(1, Entries.Range(1, 1 + (b * 20), 20, term: 1, payloadBytes: 200));
            }

            await store.CompactPrefixAsync(1, 1600, 1);
            await store.SaveHardStateAsync(1, new HardState(1, null, 0));

            Assert.DoesNotContain(StoreFiles.Segments(_directory.Path), p => p.EndsWith("00000000000000000001.seg", StringComparison.Ordinal));
            Assert.True(StoreFiles.Segments(_directory.Path).Length <= 3);
            var read = await store.ReadAsync(3, 1, 4, long.MaxValue);
            Entries.AssertMatches(3, read[2], 3, 2);
        }

        File.Delete(Path.Combine(_directory.Path, "checkpoint.dat"));
        await using var reopened = await OpenAsync();
        Assert.Equal(new LogGroupInfo(3, 1, 3, 2, 0, 0, new HardState(2, 0, 3)), reopened.GetGroupInfo(3));
        Entries.AssertMatches(3, (await reopened.ReadAsync(3, 1, 4, long.MaxValue))[0], 1, 2);
    }

    [Fact]
    public async Task CompactPrefixAsync_LargeUncompactedGroupHoldsOldestSegment_KeepsIt()
    {
        await using var store = await OpenAsync();
        await store.AppendAsync(3, Entries.Range(3, 1, 20, term: 1, payloadBytes: 200));
        for (var b = 0; b < 20; b++)
        {
            await store.AppendAsync(1, Entries.Range(1, 1 + (b * 20), 20, term: 1, payloadBytes: 200));
        }

        await store.AppendAsync(3, Entries.Range(3, 21, 20, term: 1, payloadBytes: 200));
        await store.CompactPrefixAsync(1, 400, 1);
        await store.SaveHardStateAsync(1, new HardState(1, null, 0));

        Assert.Contains(StoreFiles.Segments(_directory.Path), p => p.EndsWith("00000000000000000001.seg", StringComparison.Ordinal));
        Assert.Equal(40, (await store.ReadAsync(3, 1, 41, long.MaxValue)).Count);
    }

    [Fact]
    public async Task OpenAsync_WithOrWithoutCheckpoint_RebuildsSameIndex()
    {
        var logger = new ListLogger();
        await using (var store = await OpenAsync())
        {
            for (var b = 0; b < 30; b++)
            {
                await store.AppendAsync(b % 3, Entries.Range(b % 3, 1 + ((b / 3) * 10), 10, term: 1 + (b / 10)));
            }

            await store.TruncateSuffixAsync(0, 95);
            await store.CompactPrefixAsync(1, 40, 2);
            await store.SaveHardStateAsync(2, new HardState(3, 2, 60));
        }

        var withCheckpoint = await SnapshotAsync(logger, verify: false);
        File.Delete(Path.Combine(_directory.Path, "checkpoint.dat"));
        var rebuilt = await SnapshotAsync(logger, verify: true);

        Assert.Equal(withCheckpoint, rebuilt);
        var opened = logger.Entries.Where(e => e.Id.Id == 3101).Select(e => e.Message).ToList();
        Assert.Contains("checkpoint True", opened[0], StringComparison.Ordinal);
        Assert.Contains("checkpoint False", opened[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_DamagedCheckpoint_IsIgnoredWithWarning()
    {
        await using (var store = await OpenAsync())
        {
            await store.AppendAsync(1, Entries.Range(1, 1, 10, term: 1));
        }

        StoreFiles.FlipByte(Path.Combine(_directory.Path, "checkpoint.dat"), 20);
        var logger = new ListLogger();

        await using var reopened = await OpenAsync(logger);

        Assert.Equal(10, reopened.GetGroupInfo(1).LastIndex);
        Assert.Contains(logger.Entries, e => e.Id.Id == 3102 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task OpenAsync_DirectoryAlreadyOpen_Throws()
    {
        await using var store = await OpenAsync();

        await Assert.ThrowsAnyAsync<IOException>(async () => await OpenAsync());
    }

    [Fact]
    public async Task AppendAsync_BatchLargerThanRoundAndSegment_IsWrittenAndReadBack()
    {
        await using (var store = await OpenAsync())
        {
            await store.AppendAsync(1, Entries.Range(1, 1, 400, term: 1, payloadBytes: 1000));
            await store.AppendAsync(1, Entries.Range(1, 401, 1, term: 1, payloadBytes: 1000));
        }

        await using var reopened = await OpenAsync();
        var read = await reopened.ReadAsync(1, 1, 402, long.MaxValue);
        Assert.Equal(401, read.Count);
        Entries.AssertMatches(1, read[399], 400, 1, 1000);
        Entries.AssertMatches(1, read[400], 401, 1, 1000);
    }

    [Fact]
    public async Task ReadAsync_EntriesInterleavedWithOtherGroups_ReturnsOnlyTheGroupsEntries()
    {
        await using var store = await OpenAsync();
        for (var i = 1; i <= 50; i++)
        {
            await Task.WhenAll(
                store.AppendAsync(1, Entries.Range(1, i, 1, term: 1)).AsTask(),
                store.AppendAsync(2, Entries.Range(2, i, 1, term: 1)).AsTask());
        }

        var read = await store.ReadAsync(2, 1, 51, long.MaxValue);

        Assert.Equal(50, read.Count);
        for (var i = 0; i < 50; i++)
        {
            Entries.AssertMatches(2, read[i], i + 1, 1);
        }
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedAppends_FinishesThemBeforeClosing()
    {
        var store = await OpenAsync();
        var appends = Enumerable.Range(0, 100)
            .Select(i => store.AppendAsync(1, Entries.Range(1, 1 + (i * 3), 3, term: 1)).AsTask())
            .ToArray();

        await store.DisposeAsync();

        await Task.WhenAll(appends);
        await using var reopened = await OpenAsync();
        Assert.Equal(300, reopened.GetGroupInfo(1).LastIndex);
        Entries.AssertMatches(1, (await reopened.ReadAsync(1, 300, 301, long.MaxValue))[0], 300, 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OpenAsync_RepeatedlyWithPreparedSegment_DoesNotPileUpEmptySegments(bool verify)
    {
        for (var run = 0; run < 5; run++)
        {
            await using var store = await FileLogStore.OpenAsync(Options() with { VerifyChecksumsOnOpen = verify });
            await store.AppendAsync(1, Entries.Range(1, 1 + (run * 5), 5, term: 1));
        }

        Assert.Equal(2, StoreFiles.Segments(_directory.Path).Length);
        await using var reopened = await OpenAsync();
        Assert.Equal(25, reopened.GetGroupInfo(1).LastIndex);
    }

    private async Task<string> SnapshotAsync(ListLogger logger, bool verify)
    {
        await using var store = await FileLogStore.OpenAsync(Options() with { VerifyChecksumsOnOpen = verify }, logger);
        var text = new System.Text.StringBuilder();
        foreach (var group in store.GetGroupIds().Order())
        {
            var info = store.GetGroupInfo(group);
            text.Append(info).Append('\n');
            foreach (var entry in await store.ReadAsync(group, info.FirstIndex, info.LastIndex + 1, long.MaxValue))
            {
                text.Append(entry.Index).Append('/').Append(entry.Term).Append('/').Append(Convert.ToHexString(entry.Payload.Span)).Append('\n');
            }
        }

        return text.ToString();
    }

    private FileLogStoreOptions Options() => new(_directory.Path) { SegmentSize = SmallSegment, MaxRoundBytes = 64 << 10 };

    private async Task<FileLogStore> OpenAsync(ILogger? logger = null) => await FileLogStore.OpenAsync(Options(), logger);
}
