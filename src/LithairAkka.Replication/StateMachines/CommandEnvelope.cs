using System.Text;

namespace LithairAkka.Replication.StateMachines;

/// <summary>
/// The payload of a replicated log entry: the optional client request identity followed by the
/// state machine's command bytes. Immutable and thread-safe.
/// </summary>
/// <param name="Request">The client request identity, or <see langword="null"/> for a write without deduplication.</param>
/// <param name="Command">The state machine command.</param>
public sealed record CommandEnvelope(ClientRequest? Request, ReadOnlyMemory<byte> Command)
{
    /// <summary>Encodes the envelope as <c>[flag][client id][sequence][command]</c>.</summary>
    public byte[] Encode()
    {
        using var stream = new MemoryStream(Command.Length + 32);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Request is not null);
            if (Request is not null)
            {
                writer.Write(Request.ClientId);
                writer.Write7BitEncodedInt64(Request.Sequence);
            }

            writer.Write(Command.Span);
        }

        return stream.ToArray();
    }

    /// <summary>Decodes an envelope written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an envelope.</exception>
    public static CommandEnvelope Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var stream = new MemoryStream(payload.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            ClientRequest? request = null;
            if (reader.ReadBoolean())
            {
                request = new ClientRequest(reader.ReadString(), reader.Read7BitEncodedInt64());
            }

            return new CommandEnvelope(request, payload[(int)stream.Position..]);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Truncated command envelope.", ex);
        }
    }
}
