using System.Buffers.Binary;
using System.IO.Pipelines;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd.Tests.Protocol;

public sealed class CmdConnectionTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SendAsync_ThenReadFrameAsync_RoundTripsTypedPayloads()
    {
        var (a, b) = DuplexPair();
        await using var left = new CmdConnection(a);
        await using var right = new CmdConnection(b);
        using var cts = new CancellationTokenSource(Deadline);
        var output = CommandOutput.Table(["node", "lag"], [["1", "0"], ["2", "17"]]);

        await left.SendAsync(FrameType.Execute, new ExecuteMessage(4, ["actor", "hierarchy", "-d", "2"]), cts.Token);
        await left.SendAsync(FrameType.Output, new OutputMessage(4, output), cts.Token);

        var execute = CmdConnection.Decode<ExecuteMessage>((await right.ReadFrameAsync(cts.Token))!.Value);
        var received = CmdConnection.Decode<OutputMessage>((await right.ReadFrameAsync(cts.Token))!.Value);
        Assert.Equal(4, execute.RequestId);
        Assert.Equal(["actor", "hierarchy", "-d", "2"], execute.Arguments);
        Assert.Equal(CommandOutputKind.Table, received.Output.Kind);
        Assert.Equal(["node", "lag"], received.Output.Columns);
        Assert.Equal("17", received.Output.Rows![1][1]);
    }

    [Fact]
    public async Task ReadFrameAsync_PeerClosesBetweenFrames_ReturnsNull()
    {
        var (a, b) = DuplexPair();
        await using var right = new CmdConnection(b);
        await a.DisposeAsync();

        Assert.Null(await right.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadFrameAsync_StreamEndsInsideFrame_ThrowsProtocolException()
    {
        var prefix = new byte[6];
        BinaryPrimitives.WriteInt32BigEndian(prefix, 10);
        prefix[4] = (byte)FrameType.Output;
        await using var connection = new CmdConnection(new MemoryStream(prefix));

        await Assert.ThrowsAsync<CmdProtocolException>(async () => await connection.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadFrameAsync_OversizedDeclaredLength_ThrowsProtocolException()
    {
        var prefix = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(prefix, int.MaxValue);
        await using var connection = new CmdConnection(new MemoryStream(prefix));

        await Assert.ThrowsAsync<CmdProtocolException>(async () => await connection.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public void Decode_InvalidJson_ThrowsProtocolException()
    {
        var frame = new CmdFrame(FrameType.Execute, "{\"requestId\": \"nope\""u8.ToArray());

        Assert.Throws<CmdProtocolException>(() => CmdConnection.Decode<ExecuteMessage>(frame));
    }

    [Fact]
    public void Decode_NullPayload_ThrowsProtocolException()
    {
        var frame = new CmdFrame(FrameType.Execute, "null"u8.ToArray());

        Assert.Throws<CmdProtocolException>(() => CmdConnection.Decode<ExecuteMessage>(frame));
    }

    private static (Stream, Stream) DuplexPair()
    {
        var one = new Pipe();
        var two = new Pipe();
        return (new DuplexStream(one.Reader, two.Writer), new DuplexStream(two.Reader, one.Writer));
    }

    private sealed class DuplexStream(PipeReader reader, PipeWriter writer) : Stream
    {
        private readonly Stream _in = reader.AsStream();
        private readonly Stream _out = writer.AsStream();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _out.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _out.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => _in.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _in.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => _out.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _out.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _in.Dispose();
                _out.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
