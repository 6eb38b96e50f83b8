using System.Buffers.Binary;

namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The payload of an <see cref="EntryKind.ConfigChange"/> entry: the change and the whole configuration that results
/// from it. Carrying the result makes an entry self-contained, so a node that joins late and never saw the group's first
/// configuration still reads the right membership from the first change it receives.
/// </summary>
/// <param name="Change">The change that was proposed.</param>
/// <param name="Result">The configuration in force from the moment the entry is appended to a log.</param>
public sealed record ConfigChangeEntry(ConfigChange Change, Configuration Result)
{
    private const byte FormatVersion = 1;

    /// <summary>Encodes the entry as the payload of a log entry (little-endian, versioned).</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        var buffer = new byte[1 + 1 + 8 + 4 + (8 * Result.Voters.Length) + 4 + (8 * Result.Learners.Length)];
        var span = buffer.AsSpan();
        span[0] = FormatVersion;
        span[1] = (byte)Change.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[2..], Change.Node.Value);
        var offset = WriteNodes(span, 10, Result.Voters);
        WriteNodes(span, offset, Result.Learners);
        return buffer;
    }

    /// <summary>Decodes a payload written by <see cref="Encode"/>.</summary>
    /// <param name="payload">The entry's payload.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="FormatException">The bytes are not a configuration-change payload.</exception>
    public static ConfigChangeEntry Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 18 || payload[0] != FormatVersion)
        {
            throw new FormatException("Not a configuration-change payload (bad length or version).");
        }

        var change = new ConfigChange((ConfigChangeKind)payload[1], new NodeId(BinaryPrimitives.ReadInt64LittleEndian(payload[2..])));
        var voters = ReadNodes(payload, 10, out var offset);
        var learners = ReadNodes(payload, offset, out offset);
        if (offset != payload.Length)
        {
            throw new FormatException("Trailing bytes after a configuration-change payload.");
        }

        try
        {
            return new ConfigChangeEntry(change, new Configuration(voters, learners));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("Configuration-change payload lists a node twice.", ex);
        }
    }

    private static int WriteNodes(Span<byte> span, int offset, IReadOnlyList<NodeId> nodes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span[offset..], nodes.Count);
        offset += 4;
        foreach (var node in nodes)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[offset..], node.Value);
            offset += 8;
        }

        return offset;
    }

    private static NodeId[] ReadNodes(ReadOnlySpan<byte> payload, int offset, out int end)
    {
        if (payload.Length - offset < 4)
        {
            throw new FormatException("Truncated configuration-change payload.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(payload[offset..]);
        offset += 4;
        if (count < 0 || (payload.Length - offset) / 8 < count)
        {
            throw new FormatException("Truncated configuration-change payload.");
        }

        var nodes = new NodeId[count];
        for (var i = 0; i < count; i++, offset += 8)
        {
            nodes[i] = new NodeId(BinaryPrimitives.ReadInt64LittleEndian(payload[offset..]));
        }

        end = offset;
        return nodes;
    }
}
