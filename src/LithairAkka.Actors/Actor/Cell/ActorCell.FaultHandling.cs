using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// Creation, failure, restart and termination, following Akka's fault-handling state machine: a failure suspends
/// the actor and its children and reports <see cref="Failed"/> to the parent; the parent's decision arrives as
/// <see cref="Resume"/>, <see cref="Recreate"/> or <see cref="Terminate"/>.
/// </summary>
internal sealed partial class ActorCell
{
    private IActorRef? _perpetrator;

    private bool IsFailed => _perpetrator is not null;

    private void CreateActor()
    {
        try
        {
            var created = NewActor();
            _actor = created;
            created.InvokePreStart();
            if (_system.Settings.DebugLifecycle)
            {
                Publish(LogLevel.DebugLevel, null, "Started ({Actor})", created.GetType().Name);
            }
        }
        catch (Exception e)
        {
            (_actor as IWithTimers)?.Timers?.CancelAll();
            ClearActor();
            HandleInvokeFailure(null, new ActorInitializationException(_self, "Exception during creation", e));
        }
    }

    /// <summary>Suspends the actor and its children and tells the parent. <paramref name="perpetrator"/> is an escalating child.</summary>
    internal void HandleInvokeFailure(IActorRef? perpetrator, Exception cause)
    {
        if (IsFailed)
        {
            return;
        }

        try
        {
            _mailbox.Suspend();
            _perpetrator = perpetrator ?? _self;
            SuspendChildren(perpetrator);
            _parent.SendSystemMessage(new Failed(_self, cause, Uid));
        }
        catch (Exception e)
        {
            Publish(LogLevel.ErrorLevel, e, "Emergency stop: exception in failure handling of {Cause}", cause.GetType().Name);
            try
            {
                foreach (var child in _children.Refs)
                {
                    Stop(child);
                }
            }
            finally
            {
                FinishTerminate();
            }
        }
    }

    private void HandleFailed(Failed failed)
    {
        _currentMessage = failed;
        _currentSender = failed.Child;
        if (!_children.TryGetByRef(failed.Child, out var stats))
        {
            Publish(LogLevel.DebugLevel, null, "Dropping Failed({Cause}) from unknown child {Child}", failed.Cause.GetType().Name, failed.Child);
            return;
        }

        if (stats!.Uid != failed.Uid)
        {
            Publish(LogLevel.DebugLevel, null, "Dropping Failed({Cause}) from old incarnation of {Child}", failed.Cause.GetType().Name, failed.Child);
            return;
        }

        var strategy = _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, failed.Child, failed.Cause, stats, _children.Stats.ToArray()))
        {
            // Escalate: this actor fails with the child's cause; the child stays suspended.
            HandleInvokeFailure(failed.Child, failed.Cause);
        }
    }

    private void FaultSuspend()
    {
        _mailbox.Suspend();
        SuspendChildren(null);
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null)
        {
            FaultCreate();
            return;
        }

        var perpetrator = _perpetrator;
        try
        {
            _mailbox.Resume();
        }
        finally
        {
            if (causedByFailure is not null)
            {
                _perpetrator = null;
            }
        }

        ResumeChildren(causedByFailure, perpetrator);
    }

    private void FaultRecreate(Exception cause)
    {
        if (_actor is null)
        {
            FaultCreate();
            return;
        }

        if (!_children.IsNormal)
        {
            // Already stopping: keep the suspend count balanced and let termination proceed.
            FaultResume(null);
            return;
        }

        var failedActor = _actor;
        var failedMessage = _currentMessage is ISystemMessage ? null : _currentMessage;
        CancelPendingAsync();
        CancelReceiveTimeout();
        try
        {
            // Akka's stash semantics: stashed messages survive a restart, ahead of the mailbox.
            (failedActor as IWithUnboundedStash)?.Stash?.UnstashAll();
            (failedActor as IWithTimers)?.Timers?.CancelAll();
            failedActor.InvokePreRestart(cause, failedMessage);
        }
        catch (Exception e)
        {
            Publish(LogLevel.ErrorLevel, e, "Exception in PreRestart of {Actor}", failedActor.GetType().Name);
        }

        global::System.Diagnostics.Debug.Assert(_mailbox.IsSuspended, "mailbox must be suspended during restart");
        if (!SetChildrenTerminationReason(new SuspendReason.Recreation(cause)))
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        var survivors = _children.Refs;
        try
        {
            try
            {
                _mailbox.Resume();
            }
            finally
            {
                _perpetrator = null;
            }

            var fresh = NewActor();
            _actor = fresh;
            fresh.InvokePostRestart(cause);
            if (_system.Settings.DebugLifecycle)
            {
                Publish(LogLevel.DebugLevel, null, "Restarted ({Cause})", cause.GetType().Name);
            }

            foreach (var survivor in survivors)
            {
                ((IInternalActorRef)survivor).Restart(cause);
            }
        }
        catch (Exception e)
        {
            ClearActor();
            HandleInvokeFailure(null, new PostRestartException(_self, e, cause));
        }
    }

    private void FaultCreate()
    {
        CancelReceiveTimeout();
        foreach (var child in _children.Refs)
        {
            Stop(child);
        }

        if (!SetChildrenTerminationReason(new SuspendReason.Creation()))
        {
            FinishCreate();
        }
    }

    private void FinishCreate()
    {
        try
        {
            _mailbox.Resume();
        }
        finally
        {
            _perpetrator = null;
        }

        CreateActor();
    }

    private void TerminateActor()
    {
        CancelReceiveTimeout();
        UnwatchWatchedActors();
        foreach (var child in _children.Refs)
        {
            Stop(child);
        }

        var wasTerminating = _children.IsTerminating;
        if (SetChildrenTerminationReason(new SuspendReason.Termination()))
        {
            if (!wasTerminating)
            {
                // No user messages while waiting for the children, and no failures reported any more.
                _mailbox.Suspend();
                _perpetrator ??= _self;
            }
        }
        else
        {
            SetTerminated();
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                CancelPendingAsync();
                (actor as IWithUnboundedStash)?.Stash?.UnstashAll();
                (actor as IWithTimers)?.Timers?.CancelAll();
                actor.InvokePostStop();
            }
        }
        catch (Exception e)
        {
            Publish(LogLevel.ErrorLevel, e, "Exception in PostStop of {Actor}", actor!.GetType().Name);
        }
        finally
        {
            try
            {
                _mailbox.BecomeClosed();
                Dispatcher.Detach(this);
                _mailbox.CleanUp();
            }
            finally
            {
                try
                {
                    _parent.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
                }
                finally
                {
                    try
                    {
                        TellWatchersWeDied();
                    }
                    finally
                    {
                        UnwatchWatchedActors();
                        if (_system.Settings.DebugLifecycle)
                        {
                            Publish(LogLevel.DebugLevel, null, "Stopped");
                        }

                        ClearActor();
                    }
                }
            }
        }
    }

    private void ClearActor()
    {
        _actor = null;
        _behavior = static _ => false;
        _behaviorStack = null;
    }
}
