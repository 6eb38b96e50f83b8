using LithairAkka.Actors;
using LithairAkka.Actors.Serialization;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;
using static LithairAkka.Replication.Serialization.RaftWireFormat;

namespace LithairAkka.Replication.Serialization;

/// <summary>
/// Serializer <c>lithair-raft</c> (identifier <see cref="Id"/>): the peer-to-peer traffic of replication groups —
/// every <see cref="RaftMessage"/> (appends with their entry batches, votes, heartbeats, ReadIndex, TimeoutNow,
/// InstallSnapshot), <see cref="SnapshotChunk"/> and <see cref="SnapshotTransferResult"/>. Hand-written and compact:
/// a four-varint header (term, group, from, to), entries as a first index then term deltas, kinds and payloads.
/// Bound in <c>akka.actor.serialization-bindings</c> by the reference configuration. Thread-safe.
/// </summary>
public sealed class RaftMessageSerializer : BinaryMessageSerializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 61;

    /// <summary>Creates the serializer and its codecs.</summary>
    /// <param name="system">The actor system it serves.</param>
    public RaftMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Register<AppendEntriesRequest>("AE", WriteAppend, ReadAppend);
        Register<AppendEntriesResponse>("AER", WriteAppendResponse, ReadAppendResponse);
        Register<VoteRequest>("V", WriteVote, ReadVote);
        Register<VoteResponse>(
            "VR",
            static (w, m) =>
            {
                WriteHeader(w, m);
                w.WriteByte((byte)((m.IsPreVote ? 1 : 0) | (m.Granted ? 2 : 0)));
            },
            static (ref BinaryMessageReader r) =>
            {
                var h = ReadHeader(ref r);
                var flags = r.ReadByte();
                return new VoteResponse(h.Term, h.Group, h.From, h.To, (flags & 1) != 0, (flags & 2) != 0);
            });
        Register<HeartbeatRequest>(
            "HB",
            static (w, m) =>
            {
                WriteHeader(w, m);
                w.WriteVarInt64(m.Commit);
                w.WriteVarInt64(m.ReadRound);
            },
            static (ref BinaryMessageReader r) =>
            {
                var h = ReadHeader(ref r);
                return new HeartbeatRequest(h.Term, h.Group, h.From, h.To, r.ReadVarInt64(), r.ReadVarInt64());
            });
        Register<HeartbeatResponse>(
            "HBR",
            static (w, m) =>
            {
                WriteHeader(w, m);
                w.WriteVarInt64(m.ReadRound);
            },
            static (ref BinaryMessageReader r) =>
            {
                var h = ReadHeader(ref r);
                return new HeartbeatResponse(h.Term, h.Group, h.From, h.To, r.ReadVarInt64());
            });
        Register<ReadIndexRequest>(
            "RI",
            static (w, m) =>
            {
                WriteHeader(w, m);
                w.WriteVarInt64(m.RequestId);
            },
            static (ref BinaryMessageReader r) =>
            {
                var h = ReadHeader(ref r);
                return new ReadIndexRequest(h.Term, h.Group, h.From, h.To, r.ReadVarInt64());
            });
        Register<ReadIndexResponse>(
            "RIR",
            static (w, m) =>
            {
                WriteHeader(w, m);
                w.WriteVarInt64(m.RequestId);
                w.WriteVarInt64(m.ReadIndex);
            },
            static (ref BinaryMessageReader r) =>
            {
                var h = ReadHeader(ref r);
                return new ReadIndexResponse(h.Term, h.Group, h.From, h.To, r.ReadVarInt64(), r.ReadVarInt64());
            });
        Register<TimeoutNowRequest>(
            "TN",
            static (w, m) => WriteHeader(w, m),
            static (ref BinaryMessageReader r) =>
            {
                var h = ReadHeader(ref r);
                return new TimeoutNowRequest(h.Term, h.Group, h.From, h.To);
            });
        Register<InstallSnapshotRequest>("IS", WriteInstall, ReadInstall);
        Register<SnapshotChunk>(
            "SC",
            static (w, m) =>
            {
                WriteInstall(w, m.Request);
                w.WriteVarInt64(m.Offset);
                w.WriteVarInt64(m.TotalLength);
                w.WriteBytes(m.Data.Span);
            },
            static (ref BinaryMessageReader r) =>
            {
                var request = ReadInstall(ref r);
                return new SnapshotChunk(request, r.ReadVarInt64(), r.ReadVarInt64(), r.ReadBytes());
            });
        Register<SnapshotTransferResult>(
            "STR",
            static (w, m) =>
            {
                w.WriteVarInt64(m.Group.Value);
                w.WriteVarInt64(m.Follower.Value);
                w.WriteVarInt64(m.SnapshotIndex);
                w.WriteBoolean(m.Success);
            },
            static (ref BinaryMessageReader r) => new SnapshotTransferResult(
                new GroupId(r.ReadVarInt64()), new NodeId(r.ReadVarInt64()), r.ReadVarInt64(), r.ReadBoolean()));
    }

    /// <inheritdoc/>
    public override int Identifier => Id;

    private static void WriteAppend(BinaryMessageWriter writer, AppendEntriesRequest message)
    {
        WriteHeader(writer, message);
        writer.WriteVarInt64(message.PrevLogIndex);
        writer.WriteVarInt64(message.PrevLogTerm);
        writer.WriteVarInt64(message.LeaderCommit);
        WriteEntries(writer, message.Entries);
    }

    private static AppendEntriesRequest ReadAppend(ref BinaryMessageReader reader)
    {
        var h = ReadHeader(ref reader);
        var prevIndex = reader.ReadVarInt64();
        var prevTerm = reader.ReadVarInt64();
        var commit = reader.ReadVarInt64();
        var entries = ReadEntries(ref reader);
        return new AppendEntriesRequest(h.Term, h.Group, h.From, h.To, prevIndex, prevTerm, entries, commit);
    }

    private static void WriteAppendResponse(BinaryMessageWriter writer, AppendEntriesResponse message)
    {
        WriteHeader(writer, message);
        writer.WriteBoolean(message.Success);
        writer.WriteVarInt64(message.MatchIndex);
        writer.WriteVarInt64(message.RejectedIndex);
        writer.WriteVarInt64(message.HintIndex);
        writer.WriteVarInt64(message.HintTerm);
    }

    private static AppendEntriesResponse ReadAppendResponse(ref BinaryMessageReader reader)
    {
        var h = ReadHeader(ref reader);
        return new AppendEntriesResponse(
            h.Term, h.Group, h.From, h.To, reader.ReadBoolean(), reader.ReadVarInt64(), reader.ReadVarInt64(), reader.ReadVarInt64(), reader.ReadVarInt64());
    }

    private static void WriteVote(BinaryMessageWriter writer, VoteRequest message)
    {
        WriteHeader(writer, message);
        writer.WriteVarInt64(message.LastLogIndex);
        writer.WriteVarInt64(message.LastLogTerm);
        writer.WriteByte((byte)((message.IsPreVote ? 1 : 0) | (message.IsLeadershipTransfer ? 2 : 0)));
    }

    private static VoteRequest ReadVote(ref BinaryMessageReader reader)
    {
        var h = ReadHeader(ref reader);
        var lastIndex = reader.ReadVarInt64();
        var lastTerm = reader.ReadVarInt64();
        var flags = reader.ReadByte();
        return new VoteRequest(h.Term, h.Group, h.From, h.To, lastIndex, lastTerm, (flags & 1) != 0, (flags & 2) != 0);
    }

    private static void WriteInstall(BinaryMessageWriter writer, InstallSnapshotRequest message)
    {
        WriteHeader(writer, message);
        WriteSnapshotMetadata(writer, message.Snapshot);
    }

    private static InstallSnapshotRequest ReadInstall(ref BinaryMessageReader reader)
    {
        var h = ReadHeader(ref reader);
        return new InstallSnapshotRequest(h.Term, h.Group, h.From, h.To, ReadSnapshotMetadata(ref reader));
    }
}
