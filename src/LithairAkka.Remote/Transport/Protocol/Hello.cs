using System.Buffers.Binary;
using System.Text;

namespace LithairAkka.Remote.Transport.Protocol;

/// <summary>
/// The handshake opener. Body layout (after the <see cref="ControlKind.Hello"/> byte), big-endian:
/// magic "LAKR" (4), version (u16), uid (i64), maximum frame size (i32), nonce (16), advertised port (u16),
/// host (u8 length + UTF-8), system name (u8 length + UTF-8). Magic and version come first and keep their
/// place in every version, so a peer of another version is still recognised and refused cleanly.
/// </summary>
internal sealed record Hello(ushort Version, long Uid, int MaximumFrameSize, byte[] Nonce, RemoteAddress Address, string SystemName)
{
    /// <summary>The protocol version this build speaks.</summary>
    public const ushort CurrentVersion = 1;

    /// <summary>Nonce length in bytes.</summary>
    public const int NonceSize = 16;

    private static ReadOnlySpan<byte> Magic => "LAKR"u8;

    /// <summary>Encodes the full control body, kind byte included.</summary>
    public byte[] Encode()
    {
        var host = Encoding.UTF8.GetBytes(Address.Host);
        var system = Encoding.UTF8.GetBytes(SystemName);
        if (host.Length > byte.MaxValue || system.Length > byte.MaxValue)
        {
            throw new InvalidOperationException("Host and system name must each fit in 255 UTF-8 bytes.");
        }

        var body = new byte[1 + 4 + 2 + 8 + 4 + NonceSize + 2 + 1 + host.Length + 1 + system.Length];
        var span = body.AsSpan();
        span[0] = (byte)ControlKind.Hello;
        Magic.CopyTo(span[1..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[5..], Version);
        BinaryPrimitives.WriteInt64BigEndian(span[7..], Uid);
        BinaryPrimitives.WriteInt32BigEndian(span[15..], MaximumFrameSize);
        Nonce.CopyTo(span[19..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[35..], (ushort)Address.Port);
        var offset = 37;
        span[offset++] = (byte)host.Length;
        host.CopyTo(span[offset..]);
        offset += host.Length;
        span[offset++] = (byte)system.Length;
        system.CopyTo(span[offset..]);
        return body;
    }

    /// <summary>Reads magic and version only; true when the body starts like a Hello of any version.</summary>
    public static bool TryReadVersion(ReadOnlySpan<byte> body, out ushort version)
    {
        version = 0;
        if (body.Length < 7 || body[0] != (byte)ControlKind.Hello || !body.Slice(1, 4).SequenceEqual(Magic))
        {
            return false;
        }

        version = BinaryPrimitives.ReadUInt16BigEndian(body[5..]);
        return true;
    }

    /// <summary>Decodes a body of <see cref="CurrentVersion"/>; false when it is malformed.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, out Hello? hello)
    {
        hello = null;
        if (!TryReadVersion(body, out var version) || body.Length < 38)
        {
            return false;
        }

        var uid = BinaryPrimitives.ReadInt64BigEndian(body[7..]);
        var maxFrame = BinaryPrimitives.ReadInt32BigEndian(body[15..]);
        var nonce = body.Slice(19, NonceSize).ToArray();
        var port = BinaryPrimitives.ReadUInt16BigEndian(body[35..]);
        var offset = 37;
        if (!TryReadString(body, ref offset, out var host) || !TryReadString(body, ref offset, out var system)
            || offset != body.Length || port == 0 || host.Length == 0 || uid == 0 || maxFrame <= 0)
        {
            return false;
        }

        hello = new Hello(version, uid, maxFrame, nonce, new RemoteAddress(host, port), system);
        return true;
    }

    private static bool TryReadString(ReadOnlySpan<byte> body, ref int offset, out string value)
    {
        value = string.Empty;
        if (offset >= body.Length)
        {
            return false;
        }

        int length = body[offset++];
        if (offset + length > body.Length)
        {
            return false;
        }

        value = Encoding.UTF8.GetString(body.Slice(offset, length));
        offset += length;
        return true;
    }
}
