using System.Collections.Immutable;
using LithairAkka.Actors.Serialization;
using static LithairAkka.Cluster.InternalClusterAction;

namespace LithairAkka.Cluster;

/// <summary>
/// Serializer <c>akka-cluster</c> (identifier 41; the cluster layer owns identifiers 41 to 50): a compact binary codec
/// for every message the cluster daemons exchange — join handshake (<c>InitJoin</c>, <c>InitJoinAck</c>,
/// <c>InitJoinNack</c>, <c>Join</c>, <c>Welcome</c>), gossip (<c>GossipEnvelope</c>, <c>GossipStatus</c>),
/// <c>ExitingConfirmed</c>, <c>Leave</c>, <c>Down</c>, and the cluster heartbeats. A gossip is written with an
/// address table, so each node's address appears once however many records name it. The provider registers it when
/// the system starts. Thread-safe.
/// </summary>
public sealed partial class ClusterMessageSerializer : BinaryMessageSerializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 41;

    /// <summary>The name the serializer is registered under.</summary>
    public const string Name = "akka-cluster";

    /// <summary>Creates the serializer and its codecs.</summary>
    public ClusterMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Register("IJ", InitJoin.Instance);
        Register<InitJoinAck>("IJA", static (w, m) => w.WriteAddress(m.Address), static (ref BinaryMessageReader r) => new InitJoinAck(ReadRequiredAddress(ref r)));
        Register<InitJoinNack>("IJN", static (w, m) => w.WriteAddress(m.Address), static (ref BinaryMessageReader r) => new InitJoinNack(ReadRequiredAddress(ref r)));
        Register<Join>("J", WriteJoin, ReadJoin);
        Register<Welcome>(
            "W",
            static (w, m) =>
            {
                WriteUniqueAddress(w, m.From);
                WriteGossip(w, m.Gossip);
            },
            static (ref BinaryMessageReader r) => new Welcome(ReadUniqueAddress(ref r), ReadGossip(ref r)));
        Register<ExitingConfirmed>("EC", static (w, m) => WriteUniqueAddress(w, m.Node), static (ref BinaryMessageReader r) => new ExitingConfirmed(ReadUniqueAddress(ref r)));
        Register<GossipEnvelope>(
            "GE",
            static (w, m) =>
            {
                WriteUniqueAddress(w, m.From);
                WriteUniqueAddress(w, m.To);
                WriteGossip(w, m.Gossip);
            },
            static (ref BinaryMessageReader r) => new GossipEnvelope(ReadUniqueAddress(ref r), ReadUniqueAddress(ref r), ReadGossip(ref r)));
        Register<GossipStatus>(
            "GS",
            static (w, m) =>
            {
                WriteUniqueAddress(w, m.From);
                WriteVectorClock(w, m.Version);
            },
            static (ref BinaryMessageReader r) => new GossipStatus(ReadUniqueAddress(ref r), ReadVectorClock(ref r)));
        Register<Leave>("L", static (w, m) => w.WriteAddress(m.Address), static (ref BinaryMessageReader r) => new Leave(ReadRequiredAddress(ref r)));
        Register<Down>("D", static (w, m) => w.WriteAddress(m.Address), static (ref BinaryMessageReader r) => new Down(ReadRequiredAddress(ref r)));
        Register<ClusterHeartbeat.Heartbeat>(
            "HB",
            static (w, m) =>
            {
                w.WriteAddress(m.From);
                w.WriteVarInt64(m.SequenceNr);
                w.WriteVarInt64(m.CreationTimeTicks);
            },
            static (ref BinaryMessageReader r) => new ClusterHeartbeat.Heartbeat(ReadRequiredAddress(ref r), r.ReadVarInt64(), r.ReadVarInt64()));
        Register<ClusterHeartbeat.HeartbeatRsp>(
            "HBR",
            static (w, m) =>
            {
                WriteUniqueAddress(w, m.From);
                w.WriteVarInt64(m.SequenceNr);
                w.WriteVarInt64(m.CreationTimeTicks);
            },
            static (ref BinaryMessageReader r) => new ClusterHeartbeat.HeartbeatRsp(ReadUniqueAddress(ref r), r.ReadVarInt64(), r.ReadVarInt64()));
    }

    /// <inheritdoc/>
    public override int Identifier => Id;

    private static void WriteJoin(BinaryMessageWriter w, Join m)
    {
        WriteUniqueAddress(w, m.Node);
        WriteRoles(w, m.Roles);
        w.WriteString(m.AppVersion.ToString());
    }

    private static Join ReadJoin(ref BinaryMessageReader r) => new(ReadUniqueAddress(ref r), ReadRoles(ref r), AppVersion.Parse(r.ReadRequiredString()));

    private static void WriteUniqueAddress(BinaryMessageWriter w, UniqueAddress node)
    {
        w.WriteAddress(node.Address);
        w.WriteInt64(node.Uid);
    }

    private static UniqueAddress ReadUniqueAddress(ref BinaryMessageReader r) => new(ReadRequiredAddress(ref r), r.ReadInt64());

    private static Address ReadRequiredAddress(ref BinaryMessageReader r) =>
        r.ReadAddress() ?? throw new System.Runtime.Serialization.SerializationException("Malformed cluster message: a required address is null.");

    private static void WriteRoles(BinaryMessageWriter w, ImmutableHashSet<string> roles)
    {
        w.WriteVarUInt32((uint)roles.Count);
        foreach (var role in roles.Order(StringComparer.Ordinal))
        {
            w.WriteString(role);
        }
    }

    private static ImmutableHashSet<string> ReadRoles(ref BinaryMessageReader r)
    {
        var count = ReadCount(ref r);
        var roles = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            roles.Add(r.ReadRequiredString());
        }

        return roles.ToImmutable();
    }

    private static void WriteVectorClock(BinaryMessageWriter w, VectorClock clock)
    {
        w.WriteVarUInt32((uint)clock.Versions.Count);
        foreach (var (node, version) in clock.Versions)
        {
            w.WriteString(node);
            w.WriteVarInt64(version);
        }
    }

    private static VectorClock ReadVectorClock(ref BinaryMessageReader r)
    {
        var count = ReadCount(ref r);
        var versions = new KeyValuePair<string, long>[count];
        for (var i = 0; i < count; i++)
        {
            versions[i] = new KeyValuePair<string, long>(r.ReadRequiredString(), r.ReadVarInt64());
        }

        return VectorClock.Create(versions);
    }

    // A count is bounded by the bytes left (every element takes at least one), so a corrupt length cannot allocate much.
    private static int ReadCount(ref BinaryMessageReader r)
    {
        var count = r.ReadVarUInt32();
        return count <= (uint)r.Remaining
            ? (int)count
            : throw new System.Runtime.Serialization.SerializationException($"Malformed cluster message: {count} elements announced, {r.Remaining} bytes left.");
    }
}
