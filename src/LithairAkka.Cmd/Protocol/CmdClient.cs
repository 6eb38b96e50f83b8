using System.Net.Sockets;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Protocol;

/// <summary>
/// The client side of a pbm connection: connects, shakes hands (learning the node's palettes), then runs commands one
/// at a time, streaming their outputs to a callback. Used by the <c>pbm</c> tool and by tests. Not thread-safe: one
/// command at a time.
/// </summary>
public sealed class CmdClient : IAsyncDisposable
{
    /// <summary>How long a cancelled command may take to complete before the client gives up on it.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

    private readonly CmdConnection _connection;
    private int _nextRequestId;

    private CmdClient(CmdConnection connection, WelcomeMessage welcome)
    {
        _connection = connection;
        Welcome = welcome;
    }

    /// <summary>What the host said in the handshake: the node and its palettes.</summary>
    public WelcomeMessage Welcome { get; }

    /// <summary>Connects to a command host and shakes hands.</summary>
    /// <param name="host">Host name or IP address.</param>
    /// <param name="port">The host's port.</param>
    /// <param name="timeout">Bound on connecting plus the handshake.</param>
    /// <param name="token">Cancels the attempt.</param>
    /// <exception cref="SocketException">The node could not be reached.</exception>
    /// <exception cref="TimeoutException">No connection or welcome within <paramref name="timeout"/>.</exception>
    /// <exception cref="CmdProtocolException">The host refused the handshake or broke the protocol.</exception>
    public static async Task<CmdClient> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken token)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
        deadline.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        CmdConnection? connection = null;
        try
        {
            await socket.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
            connection = new CmdConnection(new NetworkStream(socket, ownsSocket: true));
            await connection.SendAsync(FrameType.Hello, new HelloMessage(CmdProtocol.Version, "pbm"), deadline.Token).ConfigureAwait(false);
            var frame = await connection.ReadFrameAsync(deadline.Token).ConfigureAwait(false);
            var welcome = frame switch
            {
                { Type: FrameType.Welcome } f => CmdConnection.Decode<WelcomeMessage>(f),
                { Type: FrameType.Error } f => throw new CmdProtocolException(CmdConnection.Decode<ErrorMessage>(f).Message),
                null => throw new CmdProtocolException("The host closed the connection during the handshake."),
                { } f => throw new CmdProtocolException($"Expected a Welcome frame, got {f.Type}."),
            };
            return new CmdClient(connection, welcome);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(connection, socket).ConfigureAwait(false);
            throw new TimeoutException($"No answer from {host}:{port} within {timeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            await DisposeQuietlyAsync(connection, socket).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs one command line and streams its outputs to <paramref name="onOutput"/>; returns its completion. Cancelling
    /// <paramref name="token"/> asks the host to stop the command (a streaming one ends this way) and still waits
    /// (up to <see cref="CancelGrace"/>) for its completion, normally with <see cref="CmdExitCodes.Cancelled"/>.
    /// </summary>
    /// <exception cref="CmdProtocolException">The host broke the protocol.</exception>
    /// <exception cref="IOException">The connection broke or the host closed it.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, and the host did not complete within the grace period.</exception>
    public async Task<CompletedMessage> ExecuteAsync(
        IReadOnlyList<string> arguments, Func<CommandOutput, ValueTask> onOutput, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(onOutput);
        var id = ++_nextRequestId;
        await _connection.SendAsync(FrameType.Execute, new ExecuteMessage(id, arguments), token).ConfigureAwait(false);
        using var hard = new CancellationTokenSource();
        using var registration = token.Register(() =>
        {
            _ = SendCancelQuietlyAsync(id);
            hard.CancelAfter(CancelGrace);
        });
        while (true)
        {
            var frame = await _connection.ReadFrameAsync(hard.Token).ConfigureAwait(false)
                ?? throw new IOException("The node closed the connection while the command ran.");
            switch (frame.Type)
            {
                case FrameType.Output:
                    var output = CmdConnection.Decode<OutputMessage>(frame);
                    if (output.RequestId == id)
                    {
                        await onOutput(output.Output).ConfigureAwait(false);
                    }

                    break;
                case FrameType.Completed:
                    var completed = CmdConnection.Decode<CompletedMessage>(frame);
                    if (completed.RequestId == id)
                    {
                        return completed;
                    }

                    break;
                case FrameType.Error:
                    throw new CmdProtocolException(CmdConnection.Decode<ErrorMessage>(frame).Message);
                default:
                    throw new CmdProtocolException($"Unexpected {frame.Type} frame while a command ran.");
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task SendCancelQuietlyAsync(int id)
    {
        try
        {
            await _connection.SendAsync(FrameType.Cancel, new CancelMessage(id), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is going away; the read loop reports it.
        }
    }

    private static async ValueTask DisposeQuietlyAsync(CmdConnection? connection, Socket socket)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            socket.Dispose();
        }
    }
}
