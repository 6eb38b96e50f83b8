using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Tests.Snapshots;

public sealed class FileSnapshotStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-snapshots-" + Guid.NewGuid().ToString("N"));

    public FileSnapshotStoreTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static StoredSnapshot Snapshot(long index, int size) => new(
        new SnapshotMetadata(3, index, new Configuration([new NodeId(1), new NodeId(2), new NodeId(3)], [new NodeId(4)])),
        Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray());

    private string FileOf(long group) => Path.Combine(_directory, $"snapshot-g{group}.bin");

    [Fact]
    public async Task LoadAsync_NothingSaved_ReturnsNull()
    {
        var store = new FileSnapshotStore(_directory);

        Assert.Null(await store.LoadAsync(1));
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_ReturnsSameMetadataAndData()
    {
        var store = new FileSnapshotStore(_directory);
        var snapshot = Snapshot(1234, 100_000);

        await store.SaveAsync(1, snapshot);
        var loaded = await new FileSnapshotStore(_directory).LoadAsync(1);

        Assert.Equal(snapshot.Metadata.Index, loaded!.Metadata.Index);
        Assert.Equal(snapshot.Metadata.Term, loaded.Metadata.Term);
        Assert.Equal(snapshot.Metadata.Configuration.Voters.Select(n => n.Value).Order(), loaded.Metadata.Configuration.Voters.Select(n => n.Value).Order());
        Assert.Equal(snapshot.Metadata.Configuration.Learners.Select(n => n.Value).Order(), loaded.Metadata.Configuration.Learners.Select(n => n.Value).Order());
        Assert.Equal(snapshot.Data, loaded.Data);
        Assert.False(File.Exists(FileOf(1) + ".tmp"));
    }

    [Fact]
    public async Task SaveAsync_Twice_KeepsOnlyTheLatest()
    {
        var store = new FileSnapshotStore(_directory);

        await store.SaveAsync(1, Snapshot(10, 5000));
        await store.SaveAsync(1, Snapshot(20, 300));

        var loaded = await store.LoadAsync(1);
        Assert.Equal(20, loaded!.Metadata.Index);
        Assert.Equal(300, loaded.Data.Length);
    }

    [Fact]
    public async Task SaveAsync_ConcurrentlyForOneGroup_LeavesOneWholeSnapshot()
    {
        var store = new FileSnapshotStore(_directory);

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => store.SaveAsync(1, Snapshot(i, 20_000 + i)).AsTask()));

        var loaded = await store.LoadAsync(1);
        Assert.Equal(20_000 + loaded!.Metadata.Index, loaded.Data.Length);
        Assert.Equal(Snapshot(loaded.Metadata.Index, loaded.Data.Length).Data, loaded.Data);
    }

    [Fact]
    public async Task LoadAsync_OneByteFlipped_ThrowsInvalidData()
    {
        var store = new FileSnapshotStore(_directory);
        await store.SaveAsync(1, Snapshot(7, 10_000));
        var bytes = await File.ReadAllBytesAsync(FileOf(1));
        bytes[bytes.Length / 2] ^= 0x10;
        await File.WriteAllBytesAsync(FileOf(1), bytes);

        await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(1).AsTask());
    }

    [Fact]
    public async Task LoadAsync_Truncated_ThrowsInvalidData()
    {
        var store = new FileSnapshotStore(_directory);
        await store.SaveAsync(1, Snapshot(7, 10_000));
        var bytes = await File.ReadAllBytesAsync(FileOf(1));
        await File.WriteAllBytesAsync(FileOf(1), bytes.AsSpan(0, bytes.Length - 100).ToArray());

        await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(1).AsTask());
    }

    [Fact]
    public async Task LoadAsync_FirstFormatWithoutChecksum_StillReads()
    {
        var snapshot = Snapshot(42, 2000);
        await File.WriteAllBytesAsync(FileOf(3), snapshot.Encode());

        var loaded = await new FileSnapshotStore(_directory).LoadAsync(3);

        Assert.Equal(42, loaded!.Metadata.Index);
        Assert.Equal(snapshot.Data, loaded.Data);
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsInvalidData()
    {
        var bytes = Snapshot(5, 100).Encode();

        Assert.Throws<InvalidDataException>(() => StoredSnapshot.Decode([.. bytes, 0]));
    }
}
