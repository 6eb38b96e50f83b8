using System.Threading.Channels;
using LithairAkka.Remote.Transport.Diagnostics;
using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Transport;

/// <summary>
/// The logical association with one remote address: an outbound queue that outlives connections, at most one
/// active connection, the uid of the incarnation last seen there, and its quarantined uids.
/// </summary>
/// <remarks>
/// <para>Sending never blocks: <see cref="TrySend(ReadOnlySpan{byte})"/> copies the payload into a pooled buffer
/// and queues it; the active connection's single writer loop drains the queue in batches and flushes once per
/// batch. While no connection is up and frames are queued, the association connects, retrying with exponential
/// backoff from <c>akka.remote.reconnect-backoff-min</c> to <c>akka.remote.retry-gate-closed-for</c>; frames wait in
/// the queue (up to <c>akka.remote.outbound-message-queue-size</c>).</para>
/// <para>Delivery is at-most-once and in order per association: frames a writer took from the queue are lost
/// if their connection breaks; frames for a uid that is no longer the connected one are dropped.</para>
/// <para>Simultaneous connects: the connection initiated by the lower address (<see cref="RemoteAddress.CompareTo"/>)
/// wins; the other side's is refused as a duplicate before it carries any frame.</para>
/// All members are thread-safe.
/// </remarks>
public sealed partial class Association
{
    private readonly Channel<OutboundFrame> _queue;
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource<AssociationHandle>> _waiters = [];
    private Connection? _active;
    private Connection? _pendingOutbound;
    private long _currentUid;
    private long[] _quarantined = [];
    private bool _shutdown;
    private int _queueFullReported;

    internal Association(RemoteTransport transport, RemoteAddress address)
    {
        Transport = transport;
        Address = address;
        _queue = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(transport.Settings.OutboundMessageQueueSize)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>The peer's advertised address.</summary>
    public RemoteAddress Address { get; }

    /// <summary>True while a connection is established.</summary>
    public bool IsAssociated => Volatile.Read(ref _active) is not null;

    /// <summary>The established connection's handle, or null.</summary>
    public AssociationHandle? Handle => Volatile.Read(ref _active)?.Handle;

    /// <summary>The uid of the incarnation last associated at this address (0 before the first handshake).</summary>
    public long RemoteUid => Interlocked.Read(ref _currentUid);

    /// <summary>Frames waiting for the writer.</summary>
    public int QueuedFrames => _queue.Reader.Count;

    internal RemoteTransport Transport { get; }

    internal ChannelReader<OutboundFrame> Outbound => _queue.Reader;

    /// <summary>True when <paramref name="uid"/> is quarantined at this address.</summary>
    public bool IsQuarantined(long uid) => Array.IndexOf(Volatile.Read(ref _quarantined), uid) >= 0;

    /// <summary>Queues a frame for whichever incarnation is (or will be) connected. See <see cref="TrySend(long, ReadOnlySpan{byte})"/>.</summary>
    public SendResult TrySend(ReadOnlySpan<byte> payload) => TrySend(0, payload);

    /// <summary>
    /// Queues a copy of <paramref name="payload"/> without blocking, and starts connecting if needed.
    /// </summary>
    /// <param name="remoteUid">The incarnation the frame is for; 0 for any. A frame for another uid than the
    /// connected one is dropped by the writer.</param>
    /// <param name="payload">The frame's payload; copied before the call returns.</param>
    /// <returns><see cref="SendResult.Enqueued"/>, or why the frame was not queued (logged and counted where it is an error).</returns>
    public SendResult TrySend(long remoteUid, ReadOnlySpan<byte> payload)
    {
        var refused = Screen(payload.Length, remoteUid, out var enqueuedAt);
        if (refused is { } result)
        {
            return result;
        }

        var frame = OutboundFrame.Data(payload, remoteUid, enqueuedAt);
        if (!_queue.Writer.TryWrite(frame))
        {
            frame.Release();
            return OnQueueRejected();
        }

        AfterEnqueue();
        return SendResult.Enqueued;
    }

    /// <summary>
    /// Queues a copy of <paramref name="payload"/>, waiting (without blocking a thread) while the queue is full:
    /// the back-pressured variant of <see cref="TrySend(long, ReadOnlySpan{byte})"/> for bulk senders.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled while waiting.</exception>
    public ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> payload, long remoteUid = 0, CancellationToken token = default)
    {
        var refused = Screen(payload.Length, remoteUid, out var enqueuedAt);
        if (refused is { } result)
        {
            return ValueTask.FromResult(result);
        }

        var frame = OutboundFrame.Data(payload.Span, remoteUid, enqueuedAt);
        if (_queue.Writer.TryWrite(frame))
        {
            AfterEnqueue();
            return ValueTask.FromResult(SendResult.Enqueued);
        }

        return WaitAndSendAsync(frame, token);
    }

    /// <summary>
    /// Connects (if not connected) and completes with the handle once a handshake succeeded. Failed attempts
    /// are retried with backoff until <paramref name="token"/> is cancelled.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The transport shut down.</exception>
    public async Task<AssociationHandle> AssociateAsync(CancellationToken token = default)
    {
        TaskCompletionSource<AssociationHandle> waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_shutdown || Transport.IsShuttingDown, Transport);
            if (_active?.Handle is { } handle)
            {
                return handle;
            }

            waiter = new TaskCompletionSource<AssociationHandle>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(waiter);
        }

        try
        {
            EnsureConnecting();
            return await waiter.Task.WaitAsync(token).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The address, uid and state.</summary>
    public override string ToString() =>
        $"Association {{ {Address}, uid {RemoteUid}, {(IsAssociated ? "associated" : "not associated")}, queued {QueuedFrames} }}";

    private SendResult? Screen(int length, long remoteUid, out long enqueuedAt)
    {
        enqueuedAt = 0;
        if (_shutdown || Transport.IsShuttingDown)
        {
            return SendResult.ShutDown;
        }

        var metrics = Transport.Metrics;
        if (length > Transport.Settings.MaximumFrameSize)
        {
            metrics.DroppedOversized();
            RemoteLogMessages.OversizedOutbound(Transport.Logger, Address.ToString(), length, Transport.Settings.MaximumFrameSize);
            return SendResult.Oversized;
        }

        if (remoteUid != 0 && IsQuarantined(remoteUid))
        {
            metrics.DroppedQuarantined();
            return SendResult.Quarantined;
        }

        var faults = Transport.Faults;
        if (faults.IsActive && faults.Find(Address) is { } rule)
        {
            if (rule.ShouldDrop(outbound: true))
            {
                metrics.FaultDropped();
                return SendResult.Enqueued;
            }

            if (rule.Delay > TimeSpan.Zero)
            {
                enqueuedAt = Transport.Time.GetTimestamp();
            }
        }

        return null;
    }

    private async ValueTask<SendResult> WaitAndSendAsync(OutboundFrame frame, CancellationToken token)
    {
        try
        {
            await _queue.Writer.WriteAsync(frame, token).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            frame.Release();
            return SendResult.ShutDown;
        }
        catch
        {
            frame.Release();
            throw;
        }

        AfterEnqueue();
        return SendResult.Enqueued;
    }

    private SendResult OnQueueRejected()
    {
        if (_shutdown || Transport.IsShuttingDown)
        {
            return SendResult.ShutDown;
        }

        Transport.Metrics.DroppedQueueFull();
        if (Interlocked.Exchange(ref _queueFullReported, 1) == 0)
        {
            RemoteLogMessages.QueueFull(Transport.Logger, Address.ToString(), Transport.Settings.OutboundMessageQueueSize);
        }

        return SendResult.QueueFull;
    }

    private void AfterEnqueue()
    {
        if (Volatile.Read(ref _queueFullReported) != 0)
        {
            Volatile.Write(ref _queueFullReported, 0);
        }

        // Pairs with OnConnectionClosed: either this read sees the connection gone, or that method sees the
        // frame in the queue; without the fence both could miss each other and strand the frame.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _active) is null)
        {
            EnsureConnecting();
        }
    }
}
