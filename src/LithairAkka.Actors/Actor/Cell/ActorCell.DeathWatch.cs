using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// Death watch. Watching sends <see cref="Watch"/> to the watchee (a stopped local actor answers at once from its
/// closed mailbox; a remote ref forwards it). A <see cref="DeathWatchNotification"/> is turned into a
/// <see cref="Terminated"/> queued to self, so it arrives after every message the dead actor sent before dying;
/// an Unwatch in between drops it.
/// </summary>
internal sealed partial class ActorCell
{
    private Dictionary<IActorRef, object?>? _watching;
    private HashSet<IActorRef>? _watchedBy;
    private Dictionary<IActorRef, object?>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!subject.Equals(_self) && _watching is not null && _watching.Remove(subject) && subject is IInternalActorRef watchee)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, _self));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    /// <summary>Keeps a stashed <see cref="Terminated"/> deliverable after it is unstashed.</summary>
    internal void RequeueTerminated(Terminated terminated) => (_terminatedQueued ??= [])[terminated.ActorRef] = null;

    private IActorRef WatchCore(IActorRef subject, object? customMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is not IInternalActorRef watchee)
        {
            throw new ArgumentException($"{subject} cannot be watched.", nameof(subject));
        }

        if (watchee.Equals(_self))
        {
            return subject;
        }

        _watching ??= [];
        if (_watching.TryGetValue(watchee, out var existing))
        {
            if (!Equals(existing, customMessage))
            {
                throw new InvalidOperationException(
                    $"Watch({_self}, {subject}) with message [{customMessage}] conflicts with the existing watch with message [{existing}]. Unwatch first.");
            }

            return subject;
        }

        _watching[watchee] = customMessage;
        watchee.SendSystemMessage(new Watch(watchee, _self));
        return subject;
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedQueued is not null && _terminatedQueued.Remove(terminated.ActorRef, out var custom))
        {
            ReceiveMessage(custom ?? terminated);
        }
    }

    private void WatchedActorTerminated(IActorRef actor, bool existenceConfirmed, bool addressTerminated)
    {
        if (_watching is not null && _watching.Remove(actor, out var custom) && !_children.IsTerminating)
        {
            (_terminatedQueued ??= [])[actor] = custom;
            _self.Tell(new Terminated(actor, existenceConfirmed, addressTerminated), actor);
        }

        if (_children.TryGetByRef(actor, out _))
        {
            HandleChildTerminated(actor);
        }
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var watcheeIsSelf = watchee.Equals(_self);
        var watcherIsSelf = watcher.Equals(_self);
        if (watcheeIsSelf && !watcherIsSelf)
        {
            (_watchedBy ??= []).Add(watcher);
        }
        else if (!watcheeIsSelf && watcherIsSelf)
        {
            Watch(watchee);
        }
        else
        {
            Publish(LogLevel.WarningLevel, null, "Illegal Watch({Watchee}, {Watcher}) for {Self}", watchee, watcher, _self);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var watcheeIsSelf = watchee.Equals(_self);
        var watcherIsSelf = watcher.Equals(_self);
        if (watcheeIsSelf && !watcherIsSelf)
        {
            _watchedBy?.Remove(watcher);
        }
        else if (!watcheeIsSelf && watcherIsSelf)
        {
            Unwatch(watchee);
        }
        else
        {
            Publish(LogLevel.WarningLevel, null, "Illegal Unwatch({Watchee}, {Watcher}) for {Self}", watchee, watcher, _self);
        }
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is null)
        {
            return;
        }

        foreach (var watcher in _watchedBy)
        {
            // The parent is told separately by FinishTerminate.
            if (!watcher.Equals(_parent) && watcher is IInternalActorRef target)
            {
                target.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
            }
        }

        _watchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is not null)
        {
            foreach (var watchee in _watching.Keys)
            {
                ((IInternalActorRef)watchee).SendSystemMessage(new Unwatch((IInternalActorRef)watchee, _self));
            }

            _watching = null;
        }

        _terminatedQueued = null;
    }
}
