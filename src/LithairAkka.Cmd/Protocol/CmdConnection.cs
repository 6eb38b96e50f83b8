using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LithairAkka.Cmd.Protocol;

/// <summary>
/// One pbm connection over a stream (either side): reads frames through a <see cref="PipeReader"/> and writes typed
/// payloads through a <see cref="PipeWriter"/>. Reads must not overlap (one reader); writes may come from any thread
/// and are serialised. Disposing closes the stream.
/// </summary>
public sealed class CmdConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly int _maxFrameSize;
    private int _disposed;

    /// <summary>Wraps <paramref name="stream"/>, which the connection owns from now on.</summary>
    /// <param name="stream">A connected, readable and writable stream.</param>
    /// <param name="maxFrameSize">The largest frame accepted or sent (type byte plus payload).</param>
    public CmdConnection(Stream stream, int maxFrameSize = FrameCodec.DefaultMaxFrameSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameSize, 64);
        _stream = stream;
        _maxFrameSize = maxFrameSize;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>Reads the next frame; <see langword="null"/> when the peer closed the connection between frames.</summary>
    /// <exception cref="CmdProtocolException">A malformed frame, or the stream ended inside a frame.</exception>
    /// <exception cref="IOException">The connection broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled.</exception>
    public async ValueTask<CmdFrame?> ReadFrameAsync(CancellationToken token)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool complete;
            CmdFrame frame;
            try
            {
                complete = FrameCodec.TryRead(ref buffer, out frame, _maxFrameSize);
            }
            catch (CmdProtocolException)
            {
                _reader.AdvanceTo(result.Buffer.Start);
                throw;
            }

            if (complete)
            {
                _reader.AdvanceTo(buffer.Start);
                return frame;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                if (buffer.Length > 0)
                {
                    throw new CmdProtocolException($"The connection closed inside a frame ({buffer.Length} bytes of it received).");
                }

                return null;
            }
        }
    }

    /// <summary>Sends one frame with <paramref name="message"/> as its JSON payload. Thread-safe.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not a payload type of the protocol.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The payload exceeds the maximum frame size.</exception>
    /// <exception cref="IOException">The connection broke.</exception>
    public async ValueTask SendAsync<T>(FrameType type, T message, CancellationToken token)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, TypeInfo<T>());
        await _writeLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            FrameCodec.Write(_writer, type, payload, _maxFrameSize);
            await _writer.FlushAsync(token).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Decodes the JSON payload of <paramref name="frame"/>.</summary>
    /// <exception cref="CmdProtocolException">The payload is not valid JSON of <typeparamref name="T"/>.</exception>
    public static T Decode<T>(CmdFrame frame)
    {
        try
        {
            return JsonSerializer.Deserialize(frame.Payload.Span, TypeInfo<T>())
                ?? throw new CmdProtocolException($"Malformed {frame.Type} frame: the payload is null.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new CmdProtocolException($"Malformed {frame.Type} frame: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _reader.CompleteAsync().ConfigureAwait(false);
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The peer is gone; nothing left to flush to.
        }
        finally
        {
            _writeLock.Release();
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        CmdJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not a payload type of the pbm protocol.");
}
