using System.Buffers;
using System.Text;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Remote.Endpoint;

/// <summary>
/// The layout of one actor message in a transport data frame:
/// <code>
/// flags        1 byte   bit 0: system message, bit 1: a sender follows
/// recipient    varint length + UTF-8 serialized path (address, elements, #uid)
/// sender       varint length + UTF-8 serialized path (only with bit 1)
/// serializer   zigzag varint identifier
/// manifest     varint length + UTF-8 (empty when the serializer includes none)
/// payload      the rest of the frame, as the serializer wrote it
/// </code>
/// Paths are written from cached UTF-8 bytes; the payload is serialized in place after the header.
/// </summary>
internal readonly ref struct RemoteEnvelope
{
    public const byte SystemFlag = 1;
    public const byte SenderFlag = 2;
    private const byte KnownFlags = SystemFlag | SenderFlag;

    public RemoteEnvelope(byte flags, ReadOnlySpan<byte> recipient, ReadOnlySpan<byte> sender, int serializerId, ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> payload)
    {
        Flags = flags;
        Recipient = recipient;
        Sender = sender;
        SerializerId = serializerId;
        Manifest = manifest;
        Payload = payload;
    }

    public byte Flags { get; }

    public bool IsSystem => (Flags & SystemFlag) != 0;

    public bool HasSender => (Flags & SenderFlag) != 0;

    public ReadOnlySpan<byte> Recipient { get; }

    public ReadOnlySpan<byte> Sender { get; }

    public int SerializerId { get; }

    public ReadOnlySpan<byte> Manifest { get; }

    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Writes the header; the caller then lets the serializer append the payload to <paramref name="output"/>.</summary>
    public static void WriteHeader(IBufferWriter<byte> output, bool isSystem, ReadOnlySpan<byte> recipient, ReadOnlySpan<byte> sender, int serializerId, string manifest)
    {
        var manifestLength = manifest.Length == 0 ? 0 : Encoding.UTF8.GetByteCount(manifest);
        var span = output.GetSpan(1 + 5 + recipient.Length + 5 + sender.Length + 5 + 5 + manifestLength);
        var flags = (byte)((isSystem ? SystemFlag : 0) | (sender.IsEmpty ? 0 : SenderFlag));
        span[0] = flags;
        var position = 1;
        position += WriteBlock(span[position..], recipient);
        if (!sender.IsEmpty)
        {
            position += WriteBlock(span[position..], sender);
        }

        position += WriteVarUInt32(span[position..], (uint)((serializerId << 1) ^ (serializerId >> 31)));
        position += WriteVarUInt32(span[position..], (uint)manifestLength);
        if (manifestLength > 0)
        {
            position += Encoding.UTF8.GetBytes(manifest, span[position..]);
        }

        output.Advance(position);
    }

    /// <summary>Parses a frame; false when it is malformed (truncated, unknown flags, empty recipient).</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, out RemoteEnvelope envelope)
    {
        envelope = default;
        if (frame.IsEmpty || (frame[0] & ~KnownFlags) != 0)
        {
            return false;
        }

        var flags = frame[0];
        var position = 1;
        if (!TryReadBlock(frame, ref position, out var recipientStart, out var recipientLength) || recipientLength == 0)
        {
            return false;
        }

        int senderStart = 0, senderLength = 0;
        if ((flags & SenderFlag) != 0 && (!TryReadBlock(frame, ref position, out senderStart, out senderLength) || senderLength == 0))
        {
            return false;
        }

        if (!TryReadVarUInt32(frame, ref position, out var zigzag) || !TryReadBlock(frame, ref position, out var manifestStart, out var manifestLength))
        {
            return false;
        }

        var serializerId = (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
        envelope = new RemoteEnvelope(
            flags,
            frame.Slice(recipientStart, recipientLength),
            frame.Slice(senderStart, senderLength),
            serializerId,
            frame.Slice(manifestStart, manifestLength),
            frame[position..]);
        return true;
    }

    /// <summary>Writes the header of <paramref name="serializer"/>'s payload for <paramref name="message"/>.</summary>
    public static void WriteHeader(IBufferWriter<byte> output, bool isSystem, ReadOnlySpan<byte> recipient, ReadOnlySpan<byte> sender, Serializer serializer, object message) =>
        WriteHeader(output, isSystem, recipient, sender, serializer.Identifier, serializer.IncludeManifest ? serializer.Manifest(message) : string.Empty);

    private static int WriteBlock(Span<byte> destination, ReadOnlySpan<byte> block)
    {
        var n = WriteVarUInt32(destination, (uint)block.Length);
        block.CopyTo(destination[n..]);
        return n + block.Length;
    }

    private static int WriteVarUInt32(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    private static bool TryReadBlock(ReadOnlySpan<byte> frame, ref int position, out int start, out int length)
    {
        start = 0;
        length = 0;
        if (!TryReadVarUInt32(frame, ref position, out var value) || value > (uint)(frame.Length - position))
        {
            return false;
        }

        start = position;
        length = (int)value;
        position += length;
        return true;
    }

    private static bool TryReadVarUInt32(ReadOnlySpan<byte> frame, ref int position, out uint value)
    {
        value = 0;
        for (var i = 0; i < 5 && position + i < frame.Length; i++)
        {
            var b = frame[position + i];
            value |= (uint)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                position += i + 1;
                return i < 4 || b <= 0x0F;
            }
        }

        return false;
    }
}
