using LithairAkka.Remote.Transport.Protocol;

namespace LithairAkka.Remote.Transport;

public sealed partial class Association
{
    /// <summary>Registers an outbound connection about to dial; false when one is already pending or active.</summary>
    internal bool BeginOutbound(Connection connection)
    {
        lock (_gate)
        {
            if (_shutdown || _active is not null || _pendingOutbound is not null)
            {
                return false;
            }

            _pendingOutbound = connection;
            return true;
        }
    }

    /// <summary>
    /// The acceptor's decision on an inbound connection whose handshake checks passed. Returns null when the
    /// connection is now the active one, else the refusal to send. The connection initiated by the lower address
    /// wins: when this node is the lower one and has its own outbound connection pending (or established to the
    /// same incarnation), the inbound one is the duplicate.
    /// </summary>
    internal RefuseReason? AdmitInbound(Connection connection)
    {
        lock (_gate)
        {
            if (_shutdown || Transport.IsShuttingDown)
            {
                return RefuseReason.ShuttingDown;
            }

            if (IsQuarantined(connection.RemoteUid))
            {
                return RefuseReason.Quarantined;
            }

            if (Transport.LocalAddress < Address)
            {
                if (_pendingOutbound is not null)
                {
                    return RefuseReason.Duplicate;
                }

                if (_active is { IsInbound: false } ours && ours.RemoteUid == connection.RemoteUid)
                {
                    // If the peer dials while ours looks alive, ours may be half-open: a ping makes the peer's TCP
                    // stack answer with RST, the connection dies, and the peer's next attempt gets through.
                    _queue.Writer.TryWrite(OutboundFrame.ControlFrame(ControlKind.Ping, [(byte)ControlKind.Ping], ours.RemoteUid));
                    return RefuseReason.Duplicate;
                }
            }

            if (_pendingOutbound is { } pending)
            {
                _pendingOutbound = null;
                pending.Supersede();
            }

            ActivateLocked(connection);
            return null;
        }
    }

    /// <summary>The initiator's side: the peer accepted; false when this connection was superseded meanwhile.</summary>
    internal bool ActivateOutbound(Connection connection)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_pendingOutbound, connection) || _shutdown)
            {
                return false;
            }

            _pendingOutbound = null;
            if (IsQuarantined(connection.RemoteUid))
            {
                return false;
            }

            ActivateLocked(connection);
            return true;
        }
    }

    /// <summary>True when <paramref name="connection"/> is the active one.</summary>
    internal bool IsActive(Connection connection) => ReferenceEquals(Volatile.Read(ref _active), connection);

    /// <summary>An outbound connection ended before becoming active.</summary>
    internal void AbandonOutbound(Connection connection)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_pendingOutbound, connection))
            {
                _pendingOutbound = null;
            }
        }
    }

    /// <summary>A connection ended; if it was the active one, raise Disassociated and reconnect if frames wait.</summary>
    internal void OnConnectionClosed(Connection connection, string reason)
    {
        bool reconnect;
        lock (_gate)
        {
            if (ReferenceEquals(_pendingOutbound, connection))
            {
                _pendingOutbound = null;
            }

            if (!ReferenceEquals(_active, connection))
            {
                return;
            }

            Volatile.Write(ref _active, null);
            _silentSince = Transport.Time.GetTimestamp();
            Transport.Emit(new DisassociatedEvent(Transport.LocalAddress, Address, connection.RemoteUid, reason));
            reconnect = WantsConnectionLocked();
        }

        if (reconnect)
        {
            EnsureConnecting();
        }
    }

    /// <summary>Quarantines <paramref name="uid"/>: closes its connection, raises Quarantined; false if it already was.</summary>
    internal bool Quarantine(long uid, string reason)
    {
        lock (_gate)
        {
            return QuarantineLocked(uid, reason);
        }
    }

    /// <summary>Stops the association for transport shutdown: fails waiters, says goodbye on the active connection
    /// after the queued frames, closes a pending one, and completes the queue.</summary>
    internal void Shutdown()
    {
        lock (_gate)
        {
            _shutdown = true;
            foreach (var waiter in _waiters)
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(RemoteTransport), "The remoting transport shut down."));
            }

            _pendingOutbound?.Close("the transport is shutting down");
            if (_active is { } active)
            {
                var goodbye = ControlMessages.EncodeReason(ControlKind.Disassociate, RefuseReason.ShuttingDown, "the peer is shutting down");
                if (!_queue.Writer.TryWrite(OutboundFrame.ControlFrame(ControlKind.Disassociate, goodbye, active.RemoteUid)))
                {
                    active.Close("the transport is shutting down");
                }
            }

            _queue.Writer.TryComplete();
        }
    }

    /// <summary>Releases every frame still queued (after shutdown, once no writer runs).</summary>
    internal void ReleaseQueued()
    {
        while (_queue.Reader.TryRead(out var frame))
        {
            frame.Release();
        }
    }

    private void ActivateLocked(Connection connection)
    {
        if (_active is { } previous)
        {
            previous.Retire("replaced by a newer connection");
            connection.PreviousWriter = previous.WriterDone;
            Transport.Emit(new DisassociatedEvent(Transport.LocalAddress, Address, previous.RemoteUid, "replaced by a newer connection"));
        }

        var oldUid = _currentUid;
        if (oldUid != 0 && oldUid != connection.RemoteUid && !IsQuarantined(oldUid))
        {
            AddQuarantinedLocked(oldUid);
            Transport.Emit(new QuarantinedEvent(Transport.LocalAddress, Address, oldUid, $"the node restarted with a new uid {connection.RemoteUid}"));
        }

        Interlocked.Exchange(ref _currentUid, connection.RemoteUid);
        Volatile.Write(ref _active, connection);
        _backoff = TimeSpan.Zero;
        _gateClosedAt = 0;
        _silentSince = 0;
        Transport.Emit(new AssociatedEvent(Transport.LocalAddress, Address, connection.RemoteUid, connection.IsInbound));
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult(connection.Handle!);
        }
    }

    private bool QuarantineLocked(long uid, string reason)
    {
        if (uid == 0 || IsQuarantined(uid))
        {
            return false;
        }

        AddQuarantinedLocked(uid);
        if (_active is { } active && active.RemoteUid == uid)
        {
            Volatile.Write(ref _active, null);
            active.Handle?.MarkQuarantined();
            active.Close("quarantined: " + reason);
            Transport.Emit(new DisassociatedEvent(Transport.LocalAddress, Address, uid, "quarantined: " + reason));
        }

        Transport.Emit(new QuarantinedEvent(Transport.LocalAddress, Address, uid, reason));
        if (_active is null)
        {
            DropQueuedLocked();
        }

        return true;
    }

    private void AddQuarantinedLocked(long uid)
    {
        var current = _quarantined;

        // Copy-on-write keeps IsQuarantined lock-free on the send path; the list only grows by one per peer restart.
        Volatile.Write(ref _quarantined, [.. current, uid]);
    }

    private void DropQueuedLocked()
    {
        long dropped = 0;
        while (_queue.Reader.TryRead(out var frame))
        {
            frame.Release();
            dropped++;
        }

        if (dropped > 0)
        {
            Transport.Metrics.DroppedQuarantined(dropped);
        }
    }

    private bool WantsConnectionLocked() =>
        !_shutdown && !Transport.IsShuttingDown && _active is null && (_queue.Reader.Count > 0 || _waiters.Count > 0);
}
