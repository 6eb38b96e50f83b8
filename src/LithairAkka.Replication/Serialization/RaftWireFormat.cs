using System.Collections.Immutable;
using System.Runtime.Serialization;
using LithairAkka.Actors.Serialization;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Serialization;

/// <summary>
/// The field codecs shared by the replication serializers: the common header of every <see cref="RaftMessage"/>,
/// log entries, configurations and snapshot metadata. Integers are zigzag varints, so small terms, indexes and node
/// ids take one or two bytes. Stateless and thread-safe.
/// </summary>
internal static class RaftWireFormat
{
    /// <summary>Most entries an append may carry on the wire; bounds what a malformed length can make the reader allocate.</summary>
    private const int MaxEntries = 1 << 20;

    /// <summary>Most members a configuration may list on the wire.</summary>
    private const int MaxMembers = 1 << 16;

    public static void WriteHeader(BinaryMessageWriter writer, RaftMessage message)
    {
        writer.WriteVarInt64(message.Term);
        writer.WriteVarInt64(message.Group.Value);
        writer.WriteVarInt64(message.From.Value);
        writer.WriteVarInt64(message.To.Value);
    }

    public static Header ReadHeader(ref BinaryMessageReader reader) => new(
        reader.ReadVarInt64(),
        new GroupId(reader.ReadVarInt64()),
        new NodeId(reader.ReadVarInt64()),
        new NodeId(reader.ReadVarInt64()));

    public static void WriteEntries(BinaryMessageWriter writer, IReadOnlyList<LogEntry> entries)
    {
        writer.WriteVarUInt32((uint)entries.Count);
        if (entries.Count == 0)
        {
            return;
        }

        // Entries of one append are consecutive: the first index is written once, the others are implied.
        writer.WriteVarInt64(entries[0].Index);
        var previousTerm = 0L;
        foreach (var entry in entries)
        {
            // Terms only grow along a log: the delta is small and non-negative.
            writer.WriteVarInt64(entry.Term - previousTerm);
            previousTerm = entry.Term;
            writer.WriteByte((byte)entry.Kind);
            writer.WriteBytes(entry.Payload.Span);
        }
    }

    public static LogEntry[] ReadEntries(ref BinaryMessageReader reader)
    {
        var count = reader.ReadVarUInt32();
        if (count == 0)
        {
            return [];
        }

        if (count > MaxEntries || count > reader.Remaining)
        {
            throw new SerializationException($"Malformed append: {count} entries in {reader.Remaining} bytes.");
        }

        var entries = new LogEntry[count];
        var index = reader.ReadVarInt64();
        var term = 0L;
        for (var i = 0; i < entries.Length; i++)
        {
            term += reader.ReadVarInt64();
            var kind = (EntryKind)reader.ReadByte();
            entries[i] = new LogEntry(term, index + i, kind, reader.ReadBytes());
        }

        return entries;
    }

    public static void WriteConfiguration(BinaryMessageWriter writer, Configuration configuration)
    {
        WriteNodes(writer, configuration.Voters);
        WriteNodes(writer, configuration.Learners);
    }

    public static Configuration ReadConfiguration(ref BinaryMessageReader reader)
    {
        var voters = ReadNodes(ref reader);
        var learners = ReadNodes(ref reader);
        try
        {
            return new Configuration(voters, learners);
        }
        catch (ArgumentException e)
        {
            throw new SerializationException("Malformed configuration: " + e.Message, e);
        }
    }

    public static void WriteSnapshotMetadata(BinaryMessageWriter writer, SnapshotMetadata metadata)
    {
        writer.WriteVarInt64(metadata.Term);
        writer.WriteVarInt64(metadata.Index);
        WriteConfiguration(writer, metadata.Configuration);
    }

    public static SnapshotMetadata ReadSnapshotMetadata(ref BinaryMessageReader reader)
    {
        var term = reader.ReadVarInt64();
        var index = reader.ReadVarInt64();
        return new SnapshotMetadata(term, index, ReadConfiguration(ref reader));
    }

    public static void WriteOptionalNode(BinaryMessageWriter writer, NodeId? node)
    {
        writer.WriteBoolean(node.HasValue);
        if (node is { } value)
        {
            writer.WriteVarInt64(value.Value);
        }
    }

    public static NodeId? ReadOptionalNode(ref BinaryMessageReader reader) =>
        reader.ReadBoolean() ? new NodeId(reader.ReadVarInt64()) : null;

    private static void WriteNodes(BinaryMessageWriter writer, ImmutableArray<NodeId> nodes)
    {
        writer.WriteVarUInt32((uint)nodes.Length);
        foreach (var node in nodes)
        {
            writer.WriteVarInt64(node.Value);
        }
    }

    private static NodeId[] ReadNodes(ref BinaryMessageReader reader)
    {
        var count = reader.ReadVarUInt32();
        if (count > MaxMembers || count > reader.Remaining)
        {
            throw new SerializationException($"Malformed configuration: {count} members in {reader.Remaining} bytes.");
        }

        var nodes = new NodeId[count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new NodeId(reader.ReadVarInt64());
        }

        return nodes;
    }

    /// <summary>The header fields common to every Raft message.</summary>
    public readonly record struct Header(long Term, GroupId Group, NodeId From, NodeId To);
}
