using System.Runtime.Serialization;
using System.Text;
using LithairAkka.Replication.Clocks;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Serialization;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.Serialization;

public sealed class ReplicationClientSerializerTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private T RoundTrip<T>(T message)
        where T : notnull => WireRoundTrip.Through(Sys, message, ReplicationClientSerializer.Id);

    [Fact]
    public void Propose_WithAndWithoutRequestId_RoundTrips()
    {
        var command = new KvPut("k", Encoding.UTF8.GetBytes("v"), 3).Encode();

        var withRequest = RoundTrip(new Propose(command, new ClientRequest("client-é", 42)));
        var without = RoundTrip(new Propose(command));

        Assert.Equal(command, withRequest.Command.ToArray());
        Assert.Equal(new ClientRequest("client-é", 42), withRequest.Request);
        Assert.Equal(command, without.Command.ToArray());
        Assert.Null(without.Request);
    }

    [Theory]
    [InlineData(ReadConsistency.Linearizable)]
    [InlineData(ReadConsistency.Leader)]
    [InlineData(ReadConsistency.Follower)]
    public void Read_WithKeyValueQueries_RoundTripsEqual(ReadConsistency consistency)
    {
        var get = new Read(new KvGet("a/b"), consistency);
        var list = new Read(new KvList("a/", 7), consistency);

        Assert.Equal(get, RoundTrip(get));
        Assert.Equal(list, RoundTrip(list));
    }

    [Fact]
    public void Answers_RoundTripEqual()
    {
        Assert.Equal(new NotLeader(new NodeId(3)), RoundTrip(new NotLeader(new NodeId(3))));
        Assert.Equal(new NotLeader(null), RoundTrip(new NotLeader(null)));
        Assert.Equal(new ProposeFailed("gone", true), RoundTrip(new ProposeFailed("gone", true)));
        Assert.Equal(new ProposeDurable(10, 2), RoundTrip(new ProposeDurable(10, 2)));
        Assert.Equal(new ReadFailed("leader changed"), RoundTrip(new ReadFailed("leader changed")));
    }

    [Fact]
    public void ProposeSucceeded_RoundTripsEveryField()
    {
        var result = new KvWritten(5).Encode();

        var copy = RoundTrip(new ProposeSucceeded(result, 100, 4, Duplicate: true));

        Assert.Equal(result, copy.Result.ToArray());
        Assert.Equal((100L, 4L, true), (copy.Index, copy.Term, copy.Duplicate));
        Assert.Null(copy.Timestamp);
    }

    [Fact]
    public void ProposeSucceeded_WithTimestamp_RoundTripsTimestamp()
    {
        var stamp = new HlcTimestamp(1_763_772_000_123, 3, new NodeId(2));

        var copy = RoundTrip(new ProposeSucceeded(new byte[] { 1 }, 7, 2, Timestamp: stamp));

        Assert.Equal(stamp, copy.Timestamp);
    }

    [Fact]
    public void QueryResult_WithEntryAndListing_RoundTrips()
    {
        var entry = new KvEntry("k", Encoding.UTF8.GetBytes("value"), 3);
        var listing = new KvListing([entry, new KvEntry("k2", ReadOnlyMemory<byte>.Empty, 1)], Truncated: true);

        var entryCopy = Assert.IsType<KvEntry>(RoundTrip(new QueryResult(entry, 77)).Result);
        var listingResult = RoundTrip(new QueryResult(listing, 78));
        var listingCopy = Assert.IsType<KvListing>(listingResult.Result);

        Assert.Equal((entry.Key, entry.Version), (entryCopy.Key, entryCopy.Version));
        Assert.Equal("value", Encoding.UTF8.GetString(entryCopy.Value.Span));
        Assert.Equal(78, listingResult.AppliedIndex);
        Assert.True(listingCopy.Truncated);
        Assert.Equal(["k", "k2"], listingCopy.Entries.Select(e => e.Key));
    }

    [Fact]
    public void BinaryQueryAndAnswers_InsideReadAndQueryResult_RoundTrip()
    {
        var read = RoundTrip(new Read(new BinaryQuery(new byte[] { 1, 2, 3 }), ReadConsistency.Leader));
        var answer = RoundTrip(new QueryResult(new BinaryQueryResult(new byte[] { 9, 8 }), 12));
        var rejected = RoundTrip(new QueryResult(new QueryRejected("unknown query"), 13));

        Assert.Equal([1, 2, 3], Assert.IsType<BinaryQuery>(read.Query).Query.ToArray());
        Assert.Equal(ReadConsistency.Leader, read.Consistency);
        Assert.Equal([9, 8], Assert.IsType<BinaryQueryResult>(answer.Result).Result.ToArray());
        Assert.Equal((new QueryRejected("unknown query"), 13L), (rejected.Result, rejected.AppliedIndex));
    }

    [Fact]
    public void KeyValueCommandsAndResults_RoundTripEqual()
    {
        var put = RoundTrip(new KvPut("key", new byte[] { 1, 2 }, 9));
        Assert.Equal(("key", 9L), (put.Key, put.IfVersion ?? -1));
        Assert.Equal([1, 2], put.Value.ToArray());
        Assert.Equal(new KvDelete("key", null), RoundTrip(new KvDelete("key", null)));
        Assert.Equal(new KvWritten(4), RoundTrip(new KvWritten(4)));
        Assert.Equal(new KvDeleted(true), RoundTrip(new KvDeleted(true)));
        Assert.Equal(new KvVersionMismatch(6), RoundTrip(new KvVersionMismatch(6)));
    }

    [Fact]
    public void FromBinary_UnknownManifest_ThrowsSerializationException()
    {
        var serializer = LithairAkka.Actors.Serialization.Serialization.Get(Sys).FindSerializerFor(new ReadFailed("x"));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(new byte[] { 1 }, "no-such-manifest"));
    }

    [Fact]
    public void FromBinary_UnknownConsistency_ThrowsSerializationException()
    {
        var message = new Read(new KvGet("k"));
        var serializer = LithairAkka.Actors.Serialization.Serialization.Get(Sys).FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        bytes[0] = 200;

        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, serializer.Manifest(message)));
    }
}
