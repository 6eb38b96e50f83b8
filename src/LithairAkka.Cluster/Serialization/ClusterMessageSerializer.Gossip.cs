using System.Collections.Immutable;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Cluster;

/// <summary>The gossip codec: an address table, then members, seen set, reachability, tombstones and the clock, all by index.</summary>
public sealed partial class ClusterMessageSerializer
{
    private static void WriteGossip(BinaryMessageWriter w, Gossip gossip)
    {
        var reachability = gossip.Overview.Reachability;
        var table = new Dictionary<UniqueAddress, int>();
        var ordered = new List<UniqueAddress>();
        void Add(UniqueAddress node)
        {
            if (table.TryAdd(node, ordered.Count))
            {
                ordered.Add(node);
            }
        }

        foreach (var member in gossip.Members)
        {
            Add(member.UniqueAddress);
        }

        foreach (var node in gossip.Overview.Seen.Concat(reachability.Versions.Keys).Concat(gossip.Tombstones.Keys))
        {
            Add(node);
        }

        foreach (var record in reachability.Records)
        {
            Add(record.Observer);
            Add(record.Subject);
        }

        w.WriteVarUInt32((uint)ordered.Count);
        foreach (var node in ordered)
        {
            WriteUniqueAddress(w, node);
        }

        w.WriteVarUInt32((uint)gossip.Members.Count);
        foreach (var member in gossip.Members)
        {
            w.WriteVarUInt32((uint)table[member.UniqueAddress]);
            w.WriteVarInt32(member.UpNumber);
            w.WriteByte((byte)member.Status);
            WriteRoles(w, member.Roles);
            w.WriteString(member.AppVersion.ToString());
        }

        WriteIndexes(w, gossip.Overview.Seen, table);
        w.WriteVarUInt32((uint)reachability.Records.Count);
        foreach (var record in reachability.Records)
        {
            w.WriteVarUInt32((uint)table[record.Observer]);
            w.WriteVarUInt32((uint)table[record.Subject]);
            w.WriteByte((byte)record.Status);
            w.WriteVarInt64(record.Version);
        }

        WriteIndexedLongs(w, reachability.Versions, table);
        WriteIndexedLongs(w, gossip.Tombstones, table);
        WriteVectorClock(w, gossip.Version);
    }

    private static Gossip ReadGossip(ref BinaryMessageReader r)
    {
        var tableSize = ReadCount(ref r);
        var table = new UniqueAddress[tableSize];
        for (var i = 0; i < tableSize; i++)
        {
            table[i] = ReadUniqueAddress(ref r);
        }

        var memberCount = ReadCount(ref r);
        var members = new List<Member>(memberCount);
        for (var i = 0; i < memberCount; i++)
        {
            var node = ReadIndexed(ref r, table);
            var upNumber = r.ReadVarInt32();
            var status = ReadEnum<MemberStatus>(ref r);
            var roles = ReadRoles(ref r);
            members.Add(Member.Create(node, upNumber, status, roles, AppVersion.Parse(r.ReadRequiredString())));
        }

        var seenCount = ReadCount(ref r);
        var seen = ImmutableHashSet.CreateBuilder<UniqueAddress>();
        for (var i = 0; i < seenCount; i++)
        {
            seen.Add(ReadIndexed(ref r, table));
        }

        var recordCount = ReadCount(ref r);
        var records = ImmutableList.CreateBuilder<Reachability.Record>();
        for (var i = 0; i < recordCount; i++)
        {
            records.Add(new Reachability.Record(ReadIndexed(ref r, table), ReadIndexed(ref r, table), ReadEnum<ReachabilityStatus>(ref r), r.ReadVarInt64()));
        }

        var versions = ReadIndexedLongs(ref r, table);
        var tombstones = ReadIndexedLongs(ref r, table);
        var clock = ReadVectorClock(ref r);
        var overview = new GossipOverview(seen.ToImmutable(), new Reachability(records.ToImmutable(), versions));
        return new Gossip(members, overview, clock, tombstones);
    }

    private static void WriteIndexes(BinaryMessageWriter w, ImmutableHashSet<UniqueAddress> nodes, Dictionary<UniqueAddress, int> table)
    {
        w.WriteVarUInt32((uint)nodes.Count);
        foreach (var node in nodes)
        {
            w.WriteVarUInt32((uint)table[node]);
        }
    }

    private static void WriteIndexedLongs(BinaryMessageWriter w, ImmutableDictionary<UniqueAddress, long> values, Dictionary<UniqueAddress, int> table)
    {
        w.WriteVarUInt32((uint)values.Count);
        foreach (var (node, value) in values)
        {
            w.WriteVarUInt32((uint)table[node]);
            w.WriteVarInt64(value);
        }
    }

    private static ImmutableDictionary<UniqueAddress, long> ReadIndexedLongs(ref BinaryMessageReader r, UniqueAddress[] table)
    {
        var count = ReadCount(ref r);
        var values = ImmutableDictionary.CreateBuilder<UniqueAddress, long>();
        for (var i = 0; i < count; i++)
        {
            values[ReadIndexed(ref r, table)] = r.ReadVarInt64();
        }

        return values.ToImmutable();
    }

    private static UniqueAddress ReadIndexed(ref BinaryMessageReader r, UniqueAddress[] table)
    {
        var index = r.ReadVarUInt32();
        return index < (uint)table.Length
            ? table[index]
            : throw new System.Runtime.Serialization.SerializationException($"Malformed gossip: address index {index} outside a table of {table.Length}.");
    }

    private static T ReadEnum<T>(ref BinaryMessageReader r)
        where T : struct, Enum
    {
        var value = r.ReadByte();
        var result = (T)Enum.ToObject(typeof(T), value);
        return Enum.IsDefined(result)
            ? result
            : throw new System.Runtime.Serialization.SerializationException($"Malformed gossip: {value} is not a {typeof(T).Name}.");
    }
}
