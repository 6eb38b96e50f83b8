using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>Recovery: permit, snapshot, replay, completion, and its failure and timeout.</summary>
public abstract partial class Eventsourced
{
    private Recovery _recovery = Recovery.Default;
    private TimeSpan _recoveryTimeout;
    private ICancelable? _recoveryTimer;
    private bool _recoveryProgress;
    private bool _holdsPermit;

    /// <summary>
    /// Called when recovery failed: loading the snapshot or replaying failed or timed out, or a recovery handler
    /// threw. The default logs an error; the actor then stops.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The event being replayed when a handler threw, else null.</param>
    protected virtual void OnRecoveryFailure(Exception reason, object? message)
    {
        if (message is null)
        {
            Log.Error(reason, "Persistence failure when replaying events for persistenceId [{PersistenceId}]. Last known sequence number [{SequenceNr}]", _persistenceId, LastSequenceNr);
        }
        else
        {
            Log.Error(
                reason,
                "Exception in ReceiveRecover when replaying event type [{EventType}] with sequence number [{SequenceNr}] for persistenceId [{PersistenceId}]",
                message.GetType().FullName,
                LastSequenceNr,
                _persistenceId);
        }
    }

    /// <summary>Called after the last replayed event and before <see cref="RecoveryCompleted"/>; does nothing by default.</summary>
    protected virtual void OnReplaySuccess()
    {
    }

    private void HandleRecoveryMessage(object message)
    {
        switch (message)
        {
            case RecoveryPermitter.RecoveryPermitGranted when _phase == EventsourcedPhase.WaitingForPermit:
                _holdsPermit = true;
                StartRecovery();
                break;
            case LoadSnapshotResult result when _phase == EventsourcedPhase.LoadingSnapshot:
                OnSnapshotLoaded(result);
                break;
            case LoadSnapshotFailed failed when _phase == EventsourcedPhase.LoadingSnapshot:
                RecoveryFailed(failed.Cause, null);
                break;
            case ReplayedMessage replayed when _phase == EventsourcedPhase.Replaying:
                OnReplayed(replayed.Persistent);
                break;
            case RecoverySuccess success when _phase == EventsourcedPhase.Replaying:
                OnReplayCompleted(success.HighestSequenceNr);
                break;
            case ReplayMessagesFailure failure when _phase == EventsourcedPhase.Replaying:
                RecoveryFailed(failure.Cause, null);
                break;
            case RecoveryTick tick:
                OnRecoveryTick(tick);
                break;
            default:
                if (!IsProtocolMessage(message))
                {
                    _internalStash.AddLast(_current);
                }

                break;
        }
    }

    private void StartRecovery()
    {
        _phase = EventsourcedPhase.LoadingSnapshot;
        try
        {
            var persistenceId = PersistenceId;
            if (string.IsNullOrEmpty(persistenceId))
            {
                throw new InvalidOperationException($"{GetType().Name}.PersistenceId must not be null or empty.");
            }

            _persistenceId = persistenceId;
            _recovery = Recovery ?? Recovery.Default;
            _recoveryTimeout = _persistence.RecoveryEventTimeout(JournalPluginId);
            _ = Journal;
            _ = SnapshotStore;
        }
        catch (Exception e)
        {
            RecoveryFailed(e, null);
            return;
        }

        ScheduleRecoveryTick();
        if (_recovery.FromSnapshot == SnapshotSelectionCriteria.None)
        {
            StartReplay(_recovery.ToSequenceNr);
        }
        else
        {
            SnapshotStore.Tell(new LoadSnapshot(_persistenceId, _recovery.FromSnapshot, _recovery.ToSequenceNr), Self);
        }
    }

    private void OnSnapshotLoaded(LoadSnapshotResult result)
    {
        _recoveryProgress = true;
        if (result.Snapshot is { } selected)
        {
            var offer = new SnapshotOffer(selected.Metadata, selected.Snapshot);
            try
            {
                LastSequenceNr = selected.Metadata.SequenceNr;
                _sequenceNr = LastSequenceNr;
                InvokeRecover(offer);
            }
            catch (Exception e)
            {
                RecoveryFailed(e, offer);
                return;
            }
        }

        StartReplay(result.ToSequenceNr);
    }

    private void StartReplay(long toSequenceNr)
    {
        _phase = EventsourcedPhase.Replaying;
        Journal.Tell(new ReplayMessages(LastSequenceNr + 1, toSequenceNr, _recovery.ReplayMax, _persistenceId!, Self), Self);
    }

    private void OnReplayed(Persistent persistent)
    {
        _recoveryProgress = true;
        try
        {
            LastSequenceNr = persistent.SequenceNr;
            _sequenceNr = persistent.SequenceNr;
            InvokeRecover(persistent.Payload);
        }
        catch (Exception e)
        {
            RecoveryFailed(e, persistent.Payload);
        }
    }

    private void OnReplayCompleted(long highestSequenceNr)
    {
        CancelRecoveryTimer();
        try
        {
            OnReplaySuccess();
        }
        catch (Exception e)
        {
            RecoveryFailed(e, null);
            return;
        }

        var highest = Math.Max(highestSequenceNr, LastSequenceNr);
        _sequenceNr = highest;
        LastSequenceNr = highest;
        ReturnRecoveryPermit();
        _phase = EventsourcedPhase.ProcessingCommands;
        try
        {
            InvokeRecover(RecoveryCompleted.Instance);
        }
        catch (Exception e)
        {
            RecoveryFailed(e, RecoveryCompleted.Instance);
            return;
        }

        AfterHandler();
    }

    private void InvokeRecover(object message)
    {
        if (!ReceiveRecover(message) && message is not RecoveryCompleted)
        {
            Unhandled(message);
        }
    }

    private void RecoveryFailed(Exception cause, object? message)
    {
        CancelRecoveryTimer();
        ReturnRecoveryPermit();
        _phase = EventsourcedPhase.Stopped;
        try
        {
            OnRecoveryFailure(cause, message);
        }
        finally
        {
            Context.Stop(Self);
        }
    }

    private void ScheduleRecoveryTick() =>
        _recoveryTimer = Context.System.Scheduler.ScheduleTellOnce(_recoveryTimeout, Self, new RecoveryTick(_instanceId), Self);

    private void OnRecoveryTick(RecoveryTick tick)
    {
        if (tick.InstanceId != _instanceId || _phase is not (EventsourcedPhase.LoadingSnapshot or EventsourcedPhase.Replaying))
        {
            return;
        }

        if (_recoveryProgress)
        {
            _recoveryProgress = false;
            ScheduleRecoveryTick();
            return;
        }

        var waitingFor = _phase == EventsourcedPhase.LoadingSnapshot ? "a snapshot from the snapshot store" : "replayed events from the journal";
        RecoveryFailed(
            new RecoveryTimedOutException(
                $"Recovery of persistenceId [{_persistenceId}] timed out after {_recoveryTimeout} waiting for {waitingFor} (recovery-event-timeout)."),
            null);
    }

    private void CancelRecoveryTimer()
    {
        _recoveryTimer?.Cancel();
        _recoveryTimer = null;
    }

    private void ReturnRecoveryPermit()
    {
        if (_holdsPermit)
        {
            _holdsPermit = false;
            _persistence.RecoveryPermitter.Tell(RecoveryPermitter.ReturnRecoveryPermit.Instance, Self);
        }
    }
}
