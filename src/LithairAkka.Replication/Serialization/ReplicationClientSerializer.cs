using System.Runtime.Serialization;
using LithairAkka.Actors;
using LithairAkka.Actors.Serialization;
using LithairAkka.Replication.Clocks;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;
using static LithairAkka.Replication.Serialization.RaftWireFormat;

namespace LithairAkka.Replication.Serialization;

/// <summary>
/// Serializer <c>lithair-replication-client</c> (identifier <see cref="Id"/>): what a node sends to another node's
/// replica group on behalf of a client, and the answers — <see cref="Propose"/>, <see cref="Read"/>,
/// <see cref="NotLeader"/>, <see cref="ProposeSucceeded"/>, <see cref="ProposeFailed"/>, <see cref="ProposeDurable"/>,
/// <see cref="QueryResult"/>, <see cref="ReadFailed"/>, the binary queries of any state machine (<see cref="BinaryQuery"/>,
/// <see cref="BinaryQueryResult"/>, <see cref="QueryRejected"/>) — and the built-in key-value store's commands, queries and
/// results, so an HTTP handler on a follower can forward a request to the leader over remoting. The query of a
/// <see cref="Read"/> and the result of a <see cref="QueryResult"/> travel as nested payloads through the registry
/// (a user state machine binds its own query types). Bound in <c>akka.actor.serialization-bindings</c> by the
/// reference configuration. Thread-safe.
/// </summary>
public sealed class ReplicationClientSerializer : BinaryMessageSerializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 62;

    /// <summary>Most entries a listing may carry on the wire; bounds what a malformed length can make the reader allocate.</summary>
    private const int MaxListing = 1 << 20;

    /// <summary>Creates the serializer and its codecs.</summary>
    /// <param name="system">The actor system it serves.</param>
    public ReplicationClientSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Register<Propose>(
            "P",
            static (w, m) =>
            {
                w.WriteBytes(m.Command.Span);
                w.WriteBoolean(m.Request is not null);
                if (m.Request is { } request)
                {
                    w.WriteString(request.ClientId);
                    w.WriteVarInt64(request.Sequence);
                }
            },
            static (ref BinaryMessageReader r) =>
            {
                var command = r.ReadBytes();
                var request = r.ReadBoolean() ? new ClientRequest(r.ReadRequiredString(), r.ReadVarInt64()) : null;
                return new Propose(command, request);
            });
        Register<Read>(
            "R",
            static (w, m) =>
            {
                w.WriteByte((byte)m.Consistency);
                w.WritePayload(m.Query);
            },
            static (ref BinaryMessageReader r) =>
            {
                var consistency = (ReadConsistency)r.ReadByte();
                if (!Enum.IsDefined(consistency))
                {
                    throw new SerializationException($"Malformed read: unknown consistency {(int)consistency}.");
                }

                return new Read(r.ReadPayload() ?? throw new SerializationException("Malformed read: no query."), consistency);
            });
        Register<NotLeader>(
            "NL",
            static (w, m) => WriteOptionalNode(w, m.LeaderHint),
            static (ref BinaryMessageReader r) => new NotLeader(ReadOptionalNode(ref r)));
        Register<ProposeSucceeded>(
            "PS",
            static (w, m) =>
            {
                w.WriteBytes(m.Result.Span);
                w.WriteVarInt64(m.Index);
                w.WriteVarInt64(m.Term);
                w.WriteBoolean(m.Duplicate);
                w.WriteBoolean(m.Timestamp.HasValue);
                if (m.Timestamp is { } stamp)
                {
                    w.WriteVarInt64(stamp.PhysicalMs);
                    w.WriteVarInt32(stamp.Logical);
                    w.WriteVarInt64(stamp.Node.Value);
                }
            },
            static (ref BinaryMessageReader r) =>
            {
                var result = r.ReadBytes();
                var index = r.ReadVarInt64();
                var term = r.ReadVarInt64();
                var duplicate = r.ReadBoolean();
                HlcTimestamp? stamp = r.ReadBoolean() ? new HlcTimestamp(r.ReadVarInt64(), r.ReadVarInt32(), new NodeId(r.ReadVarInt64())) : null;
                return new ProposeSucceeded(result, index, term, duplicate, stamp);
            });
        Register<ProposeFailed>(
            "PF",
            static (w, m) =>
            {
                w.WriteString(m.Reason);
                w.WriteBoolean(m.OutcomeUnknown);
            },
            static (ref BinaryMessageReader r) => new ProposeFailed(r.ReadRequiredString(), r.ReadBoolean()));
        Register<ProposeDurable>(
            "PD",
            static (w, m) =>
            {
                w.WriteVarInt64(m.Index);
                w.WriteVarInt64(m.Term);
            },
            static (ref BinaryMessageReader r) => new ProposeDurable(r.ReadVarInt64(), r.ReadVarInt64()));
        Register<QueryResult>(
            "QR",
            static (w, m) =>
            {
                w.WriteVarInt64(m.AppliedIndex);
                w.WritePayload(m.Result);
            },
            static (ref BinaryMessageReader r) =>
            {
                var applied = r.ReadVarInt64();
                return new QueryResult(r.ReadPayload() ?? throw new SerializationException("Malformed query result: no result."), applied);
            });
        Register<ReadFailed>("RF", static (w, m) => w.WriteString(m.Reason), static (ref BinaryMessageReader r) => new ReadFailed(r.ReadRequiredString()));
        Register<BinaryQuery>("BQ", static (w, m) => w.WriteBytes(m.Query.Span), static (ref BinaryMessageReader r) => new BinaryQuery(r.ReadBytes()));
        Register<BinaryQueryResult>("BQR", static (w, m) => w.WriteBytes(m.Result.Span), static (ref BinaryMessageReader r) => new BinaryQueryResult(r.ReadBytes()));
        Register<QueryRejected>("QJ", static (w, m) => w.WriteString(m.Reason), static (ref BinaryMessageReader r) => new QueryRejected(r.ReadRequiredString()));
        RegisterKeyValue();
    }

    /// <inheritdoc/>
    public override int Identifier => Id;

    private void RegisterKeyValue()
    {
        // Commands and results already have a stable binary form (the one stored in the log): reuse it.
        Register<KvPut>("KP", static (w, m) => w.WriteBytes(m.Encode()), static (ref BinaryMessageReader r) => DecodeCommand<KvPut>(r.ReadBytes()));
        Register<KvDelete>("KD", static (w, m) => w.WriteBytes(m.Encode()), static (ref BinaryMessageReader r) => DecodeCommand<KvDelete>(r.ReadBytes()));
        Register<KvWritten>("KW", static (w, m) => w.WriteVarInt64(m.Version), static (ref BinaryMessageReader r) => new KvWritten(r.ReadVarInt64()));
        Register<KvDeleted>("KX", static (w, m) => w.WriteBoolean(m.Existed), static (ref BinaryMessageReader r) => new KvDeleted(r.ReadBoolean()));
        Register<KvVersionMismatch>(
            "KM",
            static (w, m) => w.WriteVarInt64(m.CurrentVersion),
            static (ref BinaryMessageReader r) => new KvVersionMismatch(r.ReadVarInt64()));
        Register<KvGet>("KG", static (w, m) => w.WriteString(m.Key), static (ref BinaryMessageReader r) => new KvGet(r.ReadRequiredString()));
        Register<KvList>(
            "KL",
            static (w, m) =>
            {
                w.WriteString(m.Prefix);
                w.WriteVarInt32(m.Limit);
            },
            static (ref BinaryMessageReader r) => new KvList(r.ReadRequiredString(), r.ReadVarInt32()));
        Register<KvEntry>("KE", WriteEntry, ReadEntry);
        Register<KvListing>(
            "KLS",
            static (w, m) =>
            {
                w.WriteBoolean(m.Truncated);
                w.WriteVarUInt32((uint)m.Entries.Count);
                foreach (var entry in m.Entries)
                {
                    WriteEntry(w, entry);
                }
            },
            static (ref BinaryMessageReader r) =>
            {
                var truncated = r.ReadBoolean();
                var count = r.ReadVarUInt32();
                if (count > MaxListing || count > r.Remaining)
                {
                    throw new SerializationException($"Malformed listing: {count} entries in {r.Remaining} bytes.");
                }

                var entries = new KvEntry[count];
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = ReadEntry(ref r);
                }

                return new KvListing(entries, truncated);
            });
    }

    private static void WriteEntry(BinaryMessageWriter writer, KvEntry entry)
    {
        writer.WriteString(entry.Key);
        writer.WriteVarInt64(entry.Version);
        writer.WriteBytes(entry.Value.Span);
    }

    private static KvEntry ReadEntry(ref BinaryMessageReader reader)
    {
        var key = reader.ReadRequiredString();
        var version = reader.ReadVarInt64();
        return new KvEntry(key, reader.ReadBytes(), version);
    }

    private static T DecodeCommand<T>(byte[] bytes)
        where T : KvCommand
    {
        try
        {
            return KvCommand.Decode(bytes) as T ?? throw new SerializationException($"Malformed {typeof(T).Name}: another command kind.");
        }
        catch (InvalidDataException e)
        {
            throw new SerializationException($"Malformed {typeof(T).Name}: {e.Message}", e);
        }
    }
}
