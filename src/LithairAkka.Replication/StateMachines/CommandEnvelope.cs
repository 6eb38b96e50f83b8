using System.Text;
using LithairAkka.Replication.Clocks;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.StateMachines;

/// <summary>
/// The payload of a replicated log entry: the optional client request identity, the optional hybrid logical clock
/// timestamp the leader stamped it with, then the state machine's command bytes. Immutable and thread-safe.
/// </summary>
/// <param name="Request">The client request identity, or <see langword="null"/> for a write without deduplication.</param>
/// <param name="Command">The state machine command.</param>
/// <param name="Timestamp">The leader's timestamp of the entry, or <see langword="null"/> (entries written before timestamps existed).</param>
public sealed record CommandEnvelope(ClientRequest? Request, ReadOnlyMemory<byte> Command, HlcTimestamp? Timestamp = null)
{
    private const byte HasRequest = 1;
    private const byte HasTimestamp = 2;

    /// <summary>
    /// Encodes the envelope as <c>[flags][client id][sequence][physical][logical][node][command]</c>; absent parts are
    /// left out and flagged so. Flags 0 and 1 are the format of entries written before timestamps, which still decode.
    /// </summary>
    public byte[] Encode()
    {
        using var stream = new MemoryStream(Command.Length + 48);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)((Request is not null ? HasRequest : 0) | (Timestamp is not null ? HasTimestamp : 0)));
            if (Request is not null)
            {
                writer.Write(Request.ClientId);
                writer.Write7BitEncodedInt64(Request.Sequence);
            }

            if (Timestamp is { } stamp)
            {
                writer.Write7BitEncodedInt64(stamp.PhysicalMs);
                writer.Write7BitEncodedInt(stamp.Logical);
                writer.Write7BitEncodedInt64(stamp.Node.Value);
            }

            writer.Write(Command.Span);
        }

        return stream.ToArray();
    }

    /// <summary>Decodes an envelope written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The payload is truncated or malformed.</exception>
    public static CommandEnvelope Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var stream = new MemoryStream(payload.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            var flags = reader.ReadByte();
            if ((flags & ~(HasRequest | HasTimestamp)) != 0)
            {
                throw new InvalidDataException($"Unknown command envelope flags {flags}.");
            }

            ClientRequest? request = null;
            if ((flags & HasRequest) != 0)
            {
                request = new ClientRequest(reader.ReadString(), reader.Read7BitEncodedInt64());
            }

            HlcTimestamp? timestamp = null;
            if ((flags & HasTimestamp) != 0)
            {
                timestamp = new HlcTimestamp(reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt(), new NodeId(reader.Read7BitEncodedInt64()));
            }

            return new CommandEnvelope(request, payload[(int)stream.Position..], timestamp);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Truncated command envelope.", ex);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException("Malformed command envelope.", ex);
        }
    }

    /// <summary>Reads only the timestamp of an encoded envelope, without copying it; false when it has none or is malformed.</summary>
    /// <param name="payload">An encoded envelope.</param>
    /// <param name="timestamp">The timestamp, when present.</param>
    public static bool TryReadTimestamp(ReadOnlySpan<byte> payload, out HlcTimestamp timestamp)
    {
        timestamp = default;
        var position = 0;
        if (payload.IsEmpty || (payload[0] & HasTimestamp) == 0)
        {
            return false;
        }

        var flags = payload[position++];
        if ((flags & HasRequest) != 0)
        {
            // The client id (length-prefixed UTF-8) and the sequence.
            if (!TryRead7Bit(payload, ref position, out var length) || length < 0 || length > payload.Length - position)
            {
                return false;
            }

            position += (int)length;
            if (!TryRead7Bit(payload, ref position, out _))
            {
                return false;
            }
        }

        if (!TryRead7Bit(payload, ref position, out var physical) || !TryRead7Bit(payload, ref position, out var logical)
            || !TryRead7Bit(payload, ref position, out var node) || logical is < 0 or > int.MaxValue)
        {
            return false;
        }

        timestamp = new HlcTimestamp(physical, (int)logical, new NodeId(node));
        return true;
    }

    private static bool TryRead7Bit(ReadOnlySpan<byte> data, ref int position, out long value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
