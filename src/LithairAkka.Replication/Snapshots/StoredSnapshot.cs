using System.Text;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>A state machine snapshot with the consensus metadata it was taken at. Immutable.</summary>
/// <param name="Metadata">Term, index and configuration of the last entry the snapshot contains.</param>
/// <param name="Data">The state machine's snapshot bytes.</param>
public sealed record StoredSnapshot(SnapshotMetadata Metadata, byte[] Data)
{
    /// <summary>Encodes metadata and data as one byte array.</summary>
    public byte[] Encode()
    {
        using var stream = new MemoryStream(Data.Length + 64);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(Metadata.Term);
            writer.Write7BitEncodedInt64(Metadata.Index);
            WriteNodes(writer, Metadata.Configuration.Voters);
            WriteNodes(writer, Metadata.Configuration.Learners);
            writer.Write7BitEncodedInt(Data.Length);
            writer.Write(Data);
        }

        return stream.ToArray();
    }

    /// <summary>Decodes bytes written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot.</exception>
    public static StoredSnapshot Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            var term = reader.Read7BitEncodedInt64();
            var index = reader.Read7BitEncodedInt64();
            var voters = ReadNodes(reader);
            var learners = ReadNodes(reader);
            var data = reader.ReadBytes(reader.Read7BitEncodedInt());
            return new StoredSnapshot(new SnapshotMetadata(term, index, new Configuration(voters, learners)), data);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Truncated snapshot.", ex);
        }
    }

    private static void WriteNodes(BinaryWriter writer, IReadOnlyCollection<NodeId> nodes)
    {
        writer.Write7BitEncodedInt(nodes.Count);
        foreach (var node in nodes)
        {
            writer.Write7BitEncodedInt64(node.Value);
        }
    }

    private static List<NodeId> ReadNodes(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        var nodes = new List<NodeId>(count);
        for (var i = 0; i < count; i++)
        {
            nodes.Add(new NodeId(reader.Read7BitEncodedInt64()));
        }

        return nodes;
    }
}
