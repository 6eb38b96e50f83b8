using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Serialization;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Tests.Serialization;

public sealed class RaftMessageSerializerTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly GroupId Group = new(7);
    private static readonly NodeId A = new(1);
    private static readonly NodeId B = new(300);

    private T RoundTrip<T>(T message)
        where T : notnull => WireRoundTrip.Through(Sys, message, RaftMessageSerializer.Id);

    [Fact]
    public void AppendEntriesRequest_WithBatch_RoundTripsEveryField()
    {
        LogEntry[] entries =
        [
            new(5, 41, EntryKind.Normal, new byte[] { 1, 2, 3 }),
            new(5, 42, EntryKind.NoOp, ReadOnlyMemory<byte>.Empty),
            new(6, 43, EntryKind.ConfigChange, new byte[] { 9 }),
            new(9, 44, EntryKind.Normal, Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray()),
        ];
        var message = new AppendEntriesRequest(9, Group, A, B, 40, 4, entries, 38);

        var copy = RoundTrip(message);

        Assert.Equal((message.Term, message.Group, message.From, message.To), (copy.Term, copy.Group, copy.From, copy.To));
        Assert.Equal((40L, 4L, 38L), (copy.PrevLogIndex, copy.PrevLogTerm, copy.LeaderCommit));
        Assert.Equal(entries.Length, copy.Entries.Count);
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal((entries[i].Term, entries[i].Index, entries[i].Kind), (copy.Entries[i].Term, copy.Entries[i].Index, copy.Entries[i].Kind));
            Assert.Equal(entries[i].Payload.ToArray(), copy.Entries[i].Payload.ToArray());
        }
    }

    [Fact]
    public void AppendEntriesRequest_Empty_RoundTrips()
    {
        var copy = RoundTrip(new AppendEntriesRequest(1, Group, A, B, 0, 0, [], 0));

        Assert.Empty(copy.Entries);
        Assert.Equal(1, copy.Term);
    }

    [Fact]
    public void AppendEntriesResponse_RoundTripsEqual()
    {
        var message = new AppendEntriesResponse(3, Group, B, A, false, 10, 12, 8, 2);

        Assert.Equal(message, RoundTrip(message));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void VoteRequestAndResponse_EveryFlagCombination_RoundTripEqual(bool first, bool second)
    {
        var request = new VoteRequest(long.MaxValue, Group, A, B, 1_000_000_000_000, 77, first, second);
        var response = new VoteResponse(12, Group, B, A, first, second);

        Assert.Equal(request, RoundTrip(request));
        Assert.Equal(response, RoundTrip(response));
    }

    [Fact]
    public void HeartbeatsReadIndexAndTimeoutNow_RoundTripEqual()
    {
        RaftMessage[] messages =
        [
            new HeartbeatRequest(4, Group, A, B, 99, 3),
            new HeartbeatResponse(4, Group, B, A, 3),
            new ReadIndexRequest(4, Group, B, A, 17),
            new ReadIndexResponse(4, Group, A, B, 17, 120),
            new TimeoutNowRequest(4, Group, A, B),
        ];

        foreach (var message in messages)
        {
            Assert.Equal(message, RoundTrip(message));
        }
    }

    [Fact]
    public void InstallSnapshotRequest_WithConfiguration_RoundTripsEqual()
    {
        var configuration = new Configuration([A, B, new NodeId(2)], [new NodeId(9)]);
        var message = new InstallSnapshotRequest(8, Group, A, B, new SnapshotMetadata(7, 5000, configuration));

        Assert.Equal(message, RoundTrip(message));
    }

    [Fact]
    public void SnapshotChunkAndTransferResult_RoundTrip()
    {
        var request = new InstallSnapshotRequest(8, Group, A, B, new SnapshotMetadata(7, 5000, Configuration.OfVoters(A, B)));
        var chunk = new SnapshotChunk(request, 65536, 70000, new byte[] { 4, 5, 6 });
        var result = new SnapshotTransferResult(Group, B, 5000, true);

        var copy = RoundTrip(chunk);

        Assert.Equal(request, copy.Request);
        Assert.Equal((65536L, 70000L), (copy.Offset, copy.TotalLength));
        Assert.Equal([4, 5, 6], copy.Data.ToArray());
        Assert.Equal(result, RoundTrip(result));
    }

    [Fact]
    public void Heartbeat_SmallIds_FitInFewBytes()
    {
        var serializer = LithairAkka.Actors.Serialization.Serialization.Get(Sys).FindSerializerFor(new HeartbeatRequest(1, Group, A, B, 10, 0));

        var bytes = serializer.ToBinary(new HeartbeatRequest(1, Group, A, new NodeId(2), 10, 0));

        Assert.True(bytes.Length <= 8, $"{bytes.Length} bytes");
    }

    [Fact]
    public void FromBinary_UnknownManifest_ThrowsSerializationException()
    {
        var serializer = (BinaryMessageSerializer)LithairAkka.Actors.Serialization.Serialization.Get(Sys).FindSerializerFor(new TimeoutNowRequest(1, Group, A, B));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(new byte[] { 1, 2 }, "no-such-manifest"));
    }

    [Fact]
    public void FromBinary_TruncatedAppend_ThrowsSerializationExceptionNotCrash()
    {
        var message = new AppendEntriesRequest(9, Group, A, B, 40, 4, [new LogEntry(9, 41, EntryKind.Normal, new byte[100])], 38);
        var serializer = LithairAkka.Actors.Serialization.Serialization.Get(Sys).FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);

        var error = Record.Exception(() => serializer.FromBinary(bytes[..^50], serializer.Manifest(message)));

        Assert.IsType<SerializationException>(error);
    }
}
