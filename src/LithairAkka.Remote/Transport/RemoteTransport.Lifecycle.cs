using LithairAkka.Remote.Transport.Diagnostics;

namespace LithairAkka.Remote.Transport;

public sealed partial class RemoteTransport
{
    /// <summary>
    /// Shuts down: stops accepting, lets every active connection drain its queue and say goodbye (peers see a
    /// graceful disassociation) for up to <c>akka.remote.flush-wait-on-shutdown</c>, then closes whatever is left,
    /// fails pending <see cref="Association.AssociateAsync"/> calls, and delivers the remaining events.
    /// Idempotent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var association in _associations.Values)
        {
            association.Shutdown();
        }

        foreach (var connection in _connections.Keys)
        {
            if (connection.Association is not { } association || !association.IsActive(connection))
            {
                connection.Close("the transport is shutting down");
            }
        }

        var all = Task.WhenAll(_connections.Keys.Select(c => c.RunTask));
        try
        {
            await all.WaitAsync(Settings.FlushWaitOnShutdown, Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            foreach (var connection in _connections.Keys)
            {
                connection.Close("the transport shut down");
            }
        }

        await Task.WhenAll(_connections.Keys.Select(c => c.RunTask)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_associations.Values.Select(a => a.ConnectLoop)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var association in _associations.Values)
        {
            association.ReleaseQueued();
        }

        _events.Writer.TryComplete();
        await _eventDispatch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Tls?.Dispose();
        Metrics.Dispose();
        _shutdown.Dispose();
        if (Volatile.Read(ref _started) != 0)
        {
            RemoteLogMessages.ShutDown(Logger, _localAddress.ToString());
        }
    }

    /// <summary>Queues an event for the dispatch loop and logs it. Called under association locks: never blocks.</summary>
    internal void Emit(AssociationEvent e)
    {
        switch (e)
        {
            case AssociatedEvent a:
                RemoteLogMessages.Associated(Logger, a.RemoteAddress.ToString(), a.RemoteUid, a.IsInbound ? "inbound" : "outbound");
                break;
            case DisassociatedEvent d:
                RemoteLogMessages.Disassociated(Logger, d.RemoteAddress.ToString(), d.RemoteUid, d.Reason);
                break;
            case QuarantinedEvent q:
                RemoteLogMessages.Quarantined(Logger, q.RemoteAddress.ToString(), q.RemoteUid, q.Reason);
                break;
        }

        _events.Writer.TryWrite(e);
    }

    private async Task DispatchEventsAsync()
    {
        await foreach (var e in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                _onEvent?.Invoke(e);
            }
            catch (Exception ex)
            {
                RemoteLogMessages.EventHandlerFailed(Logger, ex, e.ToString());
            }
        }
    }
}
