using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Tests.Snapshots;

public sealed class SnapshotAssemblerTests
{
    private static readonly GroupId Group = new(1);

    private static (StoredSnapshot Snapshot, SnapshotChunk[] Chunks) Chunked(int size, int chunkSize, long index = 50)
    {
        var snapshot = new StoredSnapshot(
            new SnapshotMetadata(2, index, Configuration.OfVoters(new NodeId(1), new NodeId(2))),
            Enumerable.Range(0, size).Select(i => (byte)i).ToArray());
        var request = new InstallSnapshotRequest(2, Group, new NodeId(1), new NodeId(2), snapshot.Metadata);
        var bytes = snapshot.Encode();
        var chunks = new List<SnapshotChunk>();
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            chunks.Add(new SnapshotChunk(request, offset, bytes.Length, bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset))));
        }

        return (snapshot, chunks.ToArray());
    }

    [Fact]
    public void Accept_AllChunksInOrder_CompletesWithSameSnapshot()
    {
        var (snapshot, chunks) = Chunked(4500, 1000);
        var assembler = new SnapshotAssembler();
        StoredSnapshot? done = null;

        foreach (var chunk in chunks)
        {
            var outcome = assembler.Accept(chunk, out done);
            Assert.Equal(chunk.Offset + chunk.Data.Length, outcome.NextOffset);
        }

        Assert.Equal(snapshot.Data, done!.Data);
        Assert.False(assembler.IsAssembling);
    }

    [Fact]
    public void Accept_GapThenDuplicate_AnswersOffsetToResumeFromAndResumes()
    {
        var (snapshot, chunks) = Chunked(4500, 1000);
        var assembler = new SnapshotAssembler();
        assembler.Accept(chunks[0], out _);

        var gap = assembler.Accept(chunks[2], out _);
        var duplicate = assembler.Accept(chunks[0], out _);
        StoredSnapshot? done = null;
        foreach (var chunk in chunks[1..])
        {
            assembler.Accept(chunk, out done);
        }

        Assert.Equal((SnapshotChunkStatus.Continue, 1000L), (gap.Status, gap.NextOffset));
        Assert.Equal((SnapshotChunkStatus.Continue, 1000L), (duplicate.Status, duplicate.NextOffset));
        Assert.Equal(snapshot.Data, done!.Data);
    }

    [Fact]
    public void Accept_MidTransferChunkOfUnknownTransfer_RejectedFromZero()
    {
        var (_, chunks) = Chunked(4500, 1000);
        var assembler = new SnapshotAssembler();

        var outcome = assembler.Accept(chunks[1], out _);

        Assert.Equal((SnapshotChunkStatus.Rejected, 0L), (outcome.Status, outcome.NextOffset));
    }

    [Fact]
    public void Accept_NewSnapshotFromOffsetZero_ReplacesPartialAssembly()
    {
        var (_, oldChunks) = Chunked(4500, 1000, index: 50);
        var (fresh, newChunks) = Chunked(3000, 1000, index: 80);
        var assembler = new SnapshotAssembler();
        assembler.Accept(oldChunks[0], out _);
        StoredSnapshot? done = null;

        foreach (var chunk in newChunks)
        {
            assembler.Accept(chunk, out done);
        }

        Assert.Equal(80, done!.Metadata.Index);
        Assert.Equal(fresh.Data, done.Data);
    }
}
