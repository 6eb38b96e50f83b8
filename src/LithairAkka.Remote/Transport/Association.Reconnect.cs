using LithairAkka.Remote.Transport.Diagnostics;

namespace LithairAkka.Remote.Transport;

public sealed partial class Association
{
    private bool _connectLoopRunning;
    private Task _connectLoop = Task.CompletedTask;
    private TimeSpan _backoff;
    private long _gateClosedAt;
    private long _silentSince;

    /// <summary>The running connect loop, awaited at shutdown.</summary>
    internal Task ConnectLoop
    {
        get
        {
            lock (_gate)
            {
                return _connectLoop;
            }
        }
    }

    private void EnsureConnecting()
    {
        lock (_gate)
        {
            if (_connectLoopRunning || !WantsConnectionLocked())
            {
                return;
            }

            _connectLoopRunning = true;
            _connectLoop = Task.Run(ConnectLoopAsync);
        }
    }

    // One loop per association at a time; it lives while there is something to send (or someone awaiting
    // AssociateAsync) and no connection, and ends as soon as a connection is active or the queue is empty.
    private async Task ConnectLoopAsync()
    {
        var token = Transport.ShutdownToken;
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    if (!WantsConnectionLocked())
                    {
                        _connectLoopRunning = false;
                        return;
                    }

                    wait = _gateClosedAt == 0 ? TimeSpan.Zero : _backoff - Transport.Time.GetElapsedTime(_gateClosedAt);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, Transport.Time, token).ConfigureAwait(false);
                    continue;
                }

                var outcome = await Transport.ConnectAsync(this, token).ConfigureAwait(false);
                OnAttemptFinished(outcome);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            lock (_gate)
            {
                _connectLoopRunning = false;
            }
        }
        catch (Exception e)
        {
            // Nothing awaits this loop's result: report, and let the next send start a fresh loop.
            lock (_gate)
            {
                _connectLoopRunning = false;
            }

            RemoteLogMessages.ConnectFailed(Transport.Logger, Address.ToString(), $"{e.GetType().Name}: {e.Message}", TimeSpan.Zero);
        }
    }

    private void OnAttemptFinished(HandshakeOutcome outcome)
    {
        TimeSpan backoff;
        lock (_gate)
        {
            switch (outcome.Result)
            {
                case HandshakeResult.Accepted:
                    return;
                case HandshakeResult.Duplicate:
                    // The peer's own connection wins; give it the shortest gate before checking again.
                    _backoff = Transport.Settings.ReconnectBackoffMin;
                    _gateClosedAt = Transport.Time.GetTimestamp();
                    return;
                default:
                    var settings = Transport.Settings;
                    _backoff = _backoff == TimeSpan.Zero
                        ? settings.ReconnectBackoffMin
                        : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, settings.RetryGateClosedFor.Ticks));
                    _gateClosedAt = Transport.Time.GetTimestamp();
                    backoff = _backoff;
                    if (_silentSince == 0)
                    {
                        _silentSince = _gateClosedAt;
                    }

                    if (outcome.Result == HandshakeResult.Quarantined)
                    {
                        // The incarnation behind this address is dead for good (we or the peer quarantined it).
                        DropQueuedLocked();
                    }
                    else if (_currentUid != 0 && !IsQuarantined(_currentUid)
                        && Transport.Time.GetElapsedTime(_silentSince) >= settings.QuarantineAfterSilence)
                    {
                        QuarantineLocked(_currentUid, $"unreachable for longer than quarantine-after-silence ({settings.QuarantineAfterSilence})");
                    }

                    break;
            }
        }

        if (outcome.Result == HandshakeResult.Failed)
        {
            RemoteLogMessages.ConnectFailed(Transport.Logger, Address.ToString(), outcome.Reason, backoff);
        }
    }
}
