namespace LithairAkka.Actors;

/// <summary>
/// Receive timeout on one reusable timer of the injected <see cref="TimeProvider"/>. Each message only records a
/// timestamp; when the timer fires the actor checks the idle time and either delivers <see cref="ReceiveTimeout"/>
/// or re-arms the timer for the remainder, so a busy actor does not reschedule a timer per message.
/// </summary>
internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private long _receiveTimeoutLastActivity;
    private ITimer? _receiveTimeoutTimer;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } value || value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            CancelReceiveTimeout();
            return;
        }

        _receiveTimeout = value;
        _receiveTimeoutLastActivity = _system.TimeProvider.GetTimestamp();
        ArmReceiveTimeout(value);
    }

    private void ArmReceiveTimeout(TimeSpan due)
    {
        if (_receiveTimeoutTimer is null)
        {
            _receiveTimeoutTimer = _system.TimeProvider.CreateTimer(
                static state => ((ActorCell)state!)._self.Tell(ReceiveTimeoutTick.Instance, null),
                this,
                due,
                Timeout.InfiniteTimeSpan);
        }
        else
        {
            _receiveTimeoutTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void CancelReceiveTimeout()
    {
        _receiveTimeout = null;
        _receiveTimeoutTimer?.Dispose();
        _receiveTimeoutTimer = null;
    }

    private void OnReceiveTimeoutTick()
    {
        if (_receiveTimeout is not { } timeout)
        {
            return;
        }

        var idle = _system.TimeProvider.GetElapsedTime(_receiveTimeoutLastActivity);
        if (idle < timeout)
        {
            ArmReceiveTimeout(timeout - idle);
            return;
        }

        // Re-arm first: the handler may change or clear the timeout.
        _receiveTimeoutLastActivity = _system.TimeProvider.GetTimestamp();
        ArmReceiveTimeout(timeout);
        ReceiveMessage(Actors.ReceiveTimeout.Instance);
    }
}

/// <summary>The receive-timeout timer's wake-up; the cell decides whether a <see cref="ReceiveTimeout"/> is due.</summary>
internal sealed class ReceiveTimeoutTick : IAutoReceivedMessage, INotInfluenceReceiveTimeout, IDeadLetterSuppression
{
    public static ReceiveTimeoutTick Instance { get; } = new();
}
