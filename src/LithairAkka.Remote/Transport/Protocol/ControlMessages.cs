using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LithairAkka.Remote.Transport.Protocol;

/// <summary>
/// Encoders and decoders for the small control frames, and the secure-cookie proof.
/// </summary>
/// <remarks>
/// The cookie never travels on the wire. Each side proves it knows the cookie with
/// HMAC-SHA256(key = UTF-8 cookie, "LithairAkka/handshake/v1" | role | len | initiator Hello | len | acceptor Hello).
/// Both Hellos carry a fresh random nonce, so a proof cannot be replayed on another connection, and the role
/// byte stops a proof being reflected back to its author. Proofs are compared in constant time. The cookie
/// authenticates the peer at handshake time only; confidentiality and integrity of the stream need TLS.
/// </remarks>
internal static class ControlMessages
{
    /// <summary>Length of a cookie proof.</summary>
    public const int ProofSize = 32;

    private static ReadOnlySpan<byte> ProofLabel => "LithairAkka/handshake/v1"u8;

    /// <summary>Computes the proof of <paramref name="isInitiator"/>'s side over both Hello bodies.</summary>
    public static byte[] ComputeProof(string cookie, bool isInitiator, ReadOnlySpan<byte> initiatorHello, ReadOnlySpan<byte> acceptorHello)
    {
        // Length-prefix both openers so that no two different transcripts concatenate to the same bytes.
        var data = new byte[ProofLabel.Length + 1 + 4 + initiatorHello.Length + 4 + acceptorHello.Length];
        var span = data.AsSpan();
        ProofLabel.CopyTo(span);
        span = span[ProofLabel.Length..];
        span[0] = isInitiator ? (byte)'I' : (byte)'A';
        BinaryPrimitives.WriteInt32BigEndian(span[1..], initiatorHello.Length);
        initiatorHello.CopyTo(span[5..]);
        span = span[(5 + initiatorHello.Length)..];
        BinaryPrimitives.WriteInt32BigEndian(span, acceptorHello.Length);
        acceptorHello.CopyTo(span[4..]);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(cookie), data);
    }

    /// <summary>Constant-time comparison of a received proof with the expected one.</summary>
    public static bool ProofMatches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> received) =>
        received.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, received);

    /// <summary>An Auth or Accept body: kind byte then the proof.</summary>
    public static byte[] EncodeProof(ControlKind kind, ReadOnlySpan<byte> proof)
    {
        var body = new byte[1 + proof.Length];
        body[0] = (byte)kind;
        proof.CopyTo(body.AsSpan(1));
        return body;
    }

    /// <summary>A Refuse or Disassociate body: kind, reason code, u16 length, UTF-8 text (truncated to 1 KiB).</summary>
    public static byte[] EncodeReason(ControlKind kind, RefuseReason reason, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Length > 1024 ? text[..1024] : text);
        var body = new byte[4 + bytes.Length];
        body[0] = (byte)kind;
        body[1] = (byte)reason;
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2), (ushort)bytes.Length);
        bytes.CopyTo(body.AsSpan(4));
        return body;
    }

    /// <summary>Decodes a Refuse or Disassociate body; a malformed one yields <see cref="RefuseReason.Unknown"/>.</summary>
    public static (RefuseReason Reason, string Text) DecodeReason(ReadOnlySpan<byte> body)
    {
        if (body.Length < 4)
        {
            return (RefuseReason.Unknown, "malformed reason");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(body[2..]);
        var text = body.Length >= 4 + length ? Encoding.UTF8.GetString(body.Slice(4, length)) : string.Empty;
        return ((RefuseReason)body[1], text);
    }

    /// <summary>A complete control frame (header and body) ready to write.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> body)
    {
        var frame = new byte[FrameHeader.Size + body.Length];
        FrameHeader.WriteControl(frame, body.Length);
        body.CopyTo(frame.AsSpan(FrameHeader.Size));
        return frame;
    }
}
