using System.Text;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>A state machine snapshot with the consensus metadata it was taken at. Immutable.</summary>
/// <param name="Metadata">Term, index and configuration of the last entry the snapshot contains.</param>
/// <param name="Data">The state machine's snapshot bytes.</param>
public sealed record StoredSnapshot(SnapshotMetadata Metadata, byte[] Data)
{
    /// <summary>Encodes metadata and data as one byte array (<see cref="EncodeHeader"/> followed by <see cref="Data"/>).</summary>
    public byte[] Encode()
    {
        var header = EncodeHeader();
        var bytes = new byte[header.Length + Data.Length];
        header.CopyTo(bytes, 0);
        Data.CopyTo(bytes, header.Length);
        return bytes;
    }

    /// <summary>
    /// The metadata and the data's length, as <see cref="Encode"/> starts: writing these bytes and then
    /// <see cref="Data"/> gives the encoding without copying the data.
    /// </summary>
    public byte[] EncodeHeader()
    {
        using var stream = new MemoryStream(64);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(Metadata.Term);
            writer.Write7BitEncodedInt64(Metadata.Index);
            WriteNodes(writer, Metadata.Configuration.Voters);
            WriteNodes(writer, Metadata.Configuration.Learners);
            writer.Write7BitEncodedInt(Data.Length);
        }

        return stream.ToArray();
    }

    /// <summary>Decodes bytes written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot.</exception>
    public static StoredSnapshot Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Decode(bytes, 0, bytes.Length);
    }

    /// <summary>Decodes the <paramref name="count"/> bytes at <paramref name="offset"/> of <paramref name="bytes"/>, written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot, or hold more than the snapshot.</exception>
    public static StoredSnapshot Decode(byte[] bytes, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, offset, count, writable: false), Encoding.UTF8);
            var term = reader.Read7BitEncodedInt64();
            var index = reader.Read7BitEncodedInt64();
            var voters = ReadNodes(reader);
            var learners = ReadNodes(reader);
            var length = reader.Read7BitEncodedInt();
            var position = (int)reader.BaseStream.Position;
            if (length < 0 || length != count - position)
            {
                throw new InvalidDataException($"The snapshot's data is {length} bytes long but {count - position} follow its header.");
            }

            var data = bytes.AsSpan(offset + position, length).ToArray();
            return new StoredSnapshot(new SnapshotMetadata(term, index, new Configuration(voters, learners)), data);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or ArgumentOutOfRangeException)
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
