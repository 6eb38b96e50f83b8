using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>Message processing: user messages through the behaviour, system messages through the state machine.</summary>
internal sealed partial class ActorCell
{
    private const int DefaultState = 0;
    private const int SuspendedState = 1;
    private const int SuspendedWaitForChildrenState = 2;

    private List<ISystemMessage>? _stashedSystemMessages;

    /// <summary>Processes one user message; failures go to supervision. Actor thread only.</summary>
    internal void Invoke(Envelope envelope)
    {
        var message = envelope.Message;
        if (_actor is null)
        {
            // Only reachable through a bug in the state machine: never lose the message silently.
            SendToDeadLetters(message, envelope.Sender);
            return;
        }

        _currentMessage = message;
        _currentSender = envelope.Sender;
        _deliveryCount++;
        if (_receiveTimeout is not null && message is not INotInfluenceReceiveTimeout)
        {
            // Activity counts from receipt, so an observer of the handler's effects sees it recorded.
            _receiveTimeoutLastActivity = _system.TimeProvider.GetTimestamp();
        }

        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceiveMessage(message);
            }
            else if (!_behavior(message))
            {
                _actor!.InvokeUnhandled(message);
            }

            // Kept on failure: PreRestart receives the message that failed.
            _currentMessage = null;
        }
        catch (Exception e)
        {
            HandleInvokeFailure(null, e);
        }
    }

    private void ReceiveMessage(object message)
    {
        if (!_behavior(message))
        {
            _actor!.InvokeUnhandled(message);
        }
    }

    private void AutoReceiveMessage(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                _self.Stop();
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
            case ActorSelectionMessage selection:
                Actors.ActorSelection.DeliverSelection(_self, Sender, selection);
                break;
            case TimerScheduler.TimerMessage timer:
                if (timer.Owner.TryDeliver(timer, out var payload))
                {
                    if (payload is IAutoReceivedMessage)
                    {
                        AutoReceiveMessage(payload);
                    }
                    else
                    {
                        ReceiveMessage(payload);
                    }
                }

                break;
            case ReceiveTimeoutTick:
                OnReceiveTimeoutTick();
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>Processes one system message and any held-back ones it releases. Actor thread only.</summary>
    internal void SystemInvoke(ISystemMessage message)
    {
        var state = CalculateState();
        var todo = (List<ISystemMessage>?)null;
        var next = 0;
        var current = message;
        while (true)
        {
            try
            {
                if (ShouldStash(current, state))
                {
                    (_stashedSystemMessages ??= []).Add(current);
                }
                else
                {
                    InvokeSystemMessage(current);
                }
            }
            catch (Exception e)
            {
                HandleInvokeFailure(null, e);
            }

            var newState = CalculateState();
            if (newState < state && _stashedSystemMessages is { Count: > 0 } held)
            {
                // Each state accepts a superset of the messages of the states above it: held-back messages go first.
                _stashedSystemMessages = null;
                todo ??= [];
                todo.InsertRange(next, held);
            }

            state = newState;
            if (todo is null || next >= todo.Count)
            {
                return;
            }

            current = todo[next++];
            if (IsTerminated)
            {
                for (var i = next - 1; i < todo.Count; i++)
                {
                    HandleDeadSystemMessage(todo[i]);
                }

                return;
            }
        }
    }

    private int CalculateState() =>
        _children.IsWaitingForChildren ? SuspendedWaitForChildrenState
        : _mailbox.IsSuspended ? SuspendedState
        : DefaultState;

    private static bool ShouldStash(ISystemMessage message, int state) => state switch
    {
        SuspendedState => message is IStashWhenFailed,
        SuspendedWaitForChildrenState => message is IStashWhenWaitingForChildren,
        _ => false,
    };

    private void InvokeSystemMessage(ISystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                HandleFailed(failed);
                break;
            case DeathWatchNotification notification:
                WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
                break;
            case Create:
                CreateActor();
                break;
            case Watch watch:
                AddWatcher(watch.Watchee, watch.Watcher);
                break;
            case Unwatch unwatch:
                RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                break;
            case Recreate recreate:
                FaultRecreate(recreate.Cause);
                break;
            case Suspend:
                FaultSuspend();
                break;
            case Resume resume:
                FaultResume(resume.CausedByFailure);
                break;
            case Terminate:
                TerminateActor();
                break;
            case AsyncContinuation continuation:
                RunAsyncContinuation(continuation);
                break;
            case AsyncHandlerCompleted completed:
                CompleteAsyncHandler(completed.Task);
                break;
        }
    }
}
