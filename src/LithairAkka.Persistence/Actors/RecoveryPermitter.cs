using LithairAkka.Actors;
using LithairAkka.Actors.Event;

namespace LithairAkka.Persistence;

/// <summary>
/// Hands out at most <c>max-concurrent-recoveries</c> recovery permits; persistent actors asking for more wait in
/// arrival order. A permit comes back when its holder returns it or stops (the permitter watches holders and
/// waiters). An actor asking again while it holds a permit (a restarted incarnation) gets it again without
/// taking a second one.
/// </summary>
internal sealed class RecoveryPermitter : ActorBase
{
    private readonly int _maxPermits;
    private readonly HashSet<IActorRef> _holders = [];
    private readonly LinkedList<IActorRef> _pending = new();
    private readonly ILoggingAdapter _log;
    private bool _warnedFull;

    public RecoveryPermitter(int maxPermits)
    {
        _maxPermits = maxPermits;
        _log = Context.GetLogger();
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case RequestRecoveryPermit:
                OnRequest(Sender);
                return true;
            case ReturnRecoveryPermit:
                if (_holders.Remove(Sender))
                {
                    Context.Unwatch(Sender);
                    GrantNext();
                }

                return true;
            case Terminated terminated:
                if (_holders.Remove(terminated.ActorRef))
                {
                    GrantNext();
                }
                else
                {
                    _pending.Remove(terminated.ActorRef);
                }

                return true;
            default:
                return false;
        }
    }

    private void OnRequest(IActorRef requester)
    {
        if (_holders.Contains(requester))
        {
            requester.Tell(RecoveryPermitGranted.Instance, Self);
        }
        else if (_holders.Count < _maxPermits)
        {
            Grant(requester);
        }
        else if (!_pending.Contains(requester))
        {
            if (!_warnedFull)
            {
                _warnedFull = true;
                _log.Debug("All {MaxPermits} recovery permits are in use; persistent actors now wait for one", _maxPermits);
            }

            Context.Watch(requester);
            _pending.AddLast(requester);
        }
    }

    private void Grant(IActorRef requester)
    {
        _holders.Add(requester);
        Context.Watch(requester);
        requester.Tell(RecoveryPermitGranted.Instance, Self);
    }

    private void GrantNext()
    {
        if (_pending.First is { } first)
        {
            _pending.RemoveFirst();
            Grant(first.Value);
        }
        else
        {
            _warnedFull = false;
        }
    }

    /// <summary>A persistent actor asks for a permit before it loads its snapshot.</summary>
    internal sealed record RequestRecoveryPermit
    {
        public static readonly RequestRecoveryPermit Instance = new();
    }

    /// <summary>The permit: the actor may recover now.</summary>
    internal sealed record RecoveryPermitGranted : IDeadLetterSuppression
    {
        public static readonly RecoveryPermitGranted Instance = new();
    }

    /// <summary>The actor finished (or gave up) recovering.</summary>
    internal sealed record ReturnRecoveryPermit : IDeadLetterSuppression
    {
        public static readonly ReturnRecoveryPermit Instance = new();
    }
}
