using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using LithairAkka.Remote.Transport.Diagnostics;

namespace LithairAkka.Remote.Transport;

/// <summary>
/// One TCP connection (optionally TLS): handshake, then one read loop (this connection's task) and one writer
/// loop draining the association's queue. Created by the listener (inbound) or an association's connect loop
/// (outbound). Closing is idempotent; the association hears about it exactly once, after both loops ended.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "RunAsync disposes everything when the connection ends.")]
internal sealed partial class Connection
{
    private const int PipeSegmentSize = 64 * 1024;

    private readonly RemoteTransport _transport;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Stream? _stream;
    private PipeReader? _input;
    private PipeWriter? _output;
    private int _closed;
    private Task _cancelled = Task.CompletedTask;
    private volatile bool _superseded;
    private string _closeReason = "closed";
    private string? _peerDisplay;

    public Connection(RemoteTransport transport, Socket socket, bool isInbound, Association? association)
    {
        _transport = transport;
        _socket = socket;
        IsInbound = isInbound;
        Association = association;
        EndPointText = socket.RemoteEndPoint?.ToString() ?? "(unconnected)";
    }

    public bool IsInbound { get; }

    /// <summary>The peer's socket end point (ephemeral port for inbound connections).</summary>
    public string EndPointText { get; private set; }

    /// <summary>The association; known from the start for outbound, after the peer's Hello for inbound.</summary>
    public Association? Association { get; private set; }

    /// <summary>The peer's uid, after its Hello.</summary>
    public long RemoteUid { get; private set; }

    /// <summary>Set when the connection became active.</summary>
    public AssociationHandle? Handle { get; private set; }

    /// <summary>The writer loop, once started.</summary>
    public Task WriterTask { get; private set; } = Task.CompletedTask;

    /// <summary>Completes once this connection can no longer read from the association's queue: its writer ended,
    /// or the connection ended without starting one. A replacement's writer starts only after it.</summary>
    public Task WriterDone => _writerDone.Task;

    /// <summary>The writer of the connection this one replaced; the new writer starts after it ended.</summary>
    public Task? PreviousWriter { get; set; }

    /// <summary>This connection's whole life, once started.</summary>
    public Task RunTask { get; private set; } = Task.CompletedTask;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    private string Direction => IsInbound ? "from" : "to";

    private string PeerText => _peerDisplay ?? Association?.Address.ToString() ?? EndPointText;

    /// <summary>Starts the connection's life; <paramref name="handshakeDone"/> (outbound) hears the handshake outcome.</summary>
    public void Start(TaskCompletionSource<HandshakeOutcome>? handshakeDone) => RunTask = RunAsync(handshakeDone);

    /// <summary>Dials the peer of an outbound connection, bounded by <c>connection-timeout</c>.</summary>
    public async Task ConnectAsync(IPEndPoint endPoint, CancellationToken token)
    {
        using var timeout = new CancellationTokenSource(_transport.Settings.ConnectionTimeout, _transport.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token, _cts.Token);
        try
        {
            await _socket.ConnectAsync(endPoint, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"connect timed out after {_transport.Settings.ConnectionTimeout} (connection-timeout)");
        }

        EndPointText = _socket.RemoteEndPoint?.ToString() ?? endPoint.ToString();
    }

    /// <summary>Closes the connection (idempotent, non-blocking). The first reason wins.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closeReason = reason;

        // Cancelling runs callbacks (and pipe continuations) elsewhere, so Close is safe under an association lock.
        _cancelled = _cts.CancelAsync();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer or by disposal.
        }
    }

    /// <summary>Closes a pending outbound connection because the peer's connection won.</summary>
    public void Supersede()
    {
        _superseded = true;
        Close("superseded by the peer's connection");
    }

    /// <summary>Closes an active connection that a newer one replaced.</summary>
    public void Retire(string reason) => Close(reason);

    private async Task RunAsync(TaskCompletionSource<HandshakeOutcome>? handshakeDone)
    {
        var outcome = new HandshakeOutcome(HandshakeResult.Failed, "the connection closed");
        try
        {
            outcome = await HandshakeAsync().ConfigureAwait(false);
            handshakeDone?.TrySetResult(outcome);
            if (outcome.Result == HandshakeResult.Accepted && !IsClosed)
            {
                WriterTask = WriteLoopAsync();
                await ReadLoopAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            Close(Describe(e));
        }
        finally
        {
            handshakeDone?.TrySetResult(outcome);
            Close(outcome.Result == HandshakeResult.Accepted ? "closed" : outcome.Reason);
            await WriterTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _writerDone.TrySetResult();
            await DisposeIoAsync().ConfigureAwait(false);
            if (outcome.Result == HandshakeResult.Accepted)
            {
                RemoteLogMessages.ConnectionClosed(_transport.Logger, PeerText, _closeReason);
                Association!.OnConnectionClosed(this, _closeReason);
            }
            else
            {
                Association?.AbandonOutbound(this);
            }

            _transport.Untrack(this);
        }
    }

    private void OpenPipes(Stream stream)
    {
        _stream = stream;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: PipeSegmentSize, minimumReadSize: 4096, leaveOpen: true));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: PipeSegmentSize, leaveOpen: true));
    }

    private async ValueTask DisposeIoAsync()
    {
        if (_input is not null)
        {
            await _input.CompleteAsync().ConfigureAwait(false);
        }

        if (_output is not null)
        {
            try
            {
                await _output.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
            {
                // Completing flushes what is left; the socket is gone.
            }
        }

        if (_stream is not null)
        {
            try
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // TLS close_notify on a dead socket.
            }
        }

        _socket.Dispose();
        await _cancelled.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _cts.Dispose();
    }

    private static string Describe(Exception e) => e switch
    {
        OperationCanceledException => "cancelled",
        SocketException s => $"socket error {s.SocketErrorCode}: {s.Message}",
        IOException { InnerException: SocketException s } => $"socket error {s.SocketErrorCode}: {s.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
