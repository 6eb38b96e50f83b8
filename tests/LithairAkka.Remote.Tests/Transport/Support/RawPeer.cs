using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Tests.Transport.Support;

/// <summary>A hand-driven peer speaking the wire protocol byte by byte, to send what a real transport never would.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly Stream _stream;

    private RawPeer(TcpClient client, Stream stream)
    {
        _client = client;
        _stream = stream;
    }

    public static async Task<RawPeer> ConnectAsync(IPEndPoint endPoint, Func<Stream, Task<Stream>> wrap)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await client.ConnectAsync(endPoint);
        return new RawPeer(client, await wrap(client.GetStream()));
    }

    /// <summary>Runs the initiator's handshake as <paramref name="self"/>; returns the acceptor's verdict kind.</summary>
    public async Task<ControlKind> HandshakeAsync(RemoteAddress self, string systemName, string cookie, long uid = 42)
    {
        var hello = new Hello(Hello.CurrentVersion, uid, 128000, RandomNumberGenerator.GetBytes(Hello.NonceSize), self, systemName).Encode();
        await WriteControlAsync(hello);
        var peerHello = await ReadFrameAsync() ?? throw new IOException("closed before Hello");
        await WriteControlAsync(ControlMessages.EncodeProof(ControlKind.Auth, ControlMessages.ComputeProof(cookie, true, hello, peerHello)));
        var verdict = await ReadFrameAsync() ?? throw new IOException("closed before the verdict");
        return (ControlKind)verdict[0];
    }

    public Task WriteControlAsync(byte[] body) => WriteAsync(ControlMessages.Frame(body));

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public Task WriteDataHeaderAsync(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, length);
        return WriteAsync(header);
    }

    /// <summary>Reads one frame's body; null at end of stream.</summary>
    public async Task<byte[]?> ReadFrameAsync()
    {
        var header = new byte[4];
        if (!await ReadExactlyAsync(header))
        {
            return null;
        }

        var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(header) & 0x7FFF_FFFF];
        return await ReadExactlyAsync(body) ? body : null;
    }

    /// <summary>Reads until the other side closes (end of stream or reset); fails after the deadline.</summary>
    public async Task ReadUntilClosedAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await _stream.ReadAsync(buffer, cts.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the peer: closed too.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer);
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return false;
        }
    }
}
