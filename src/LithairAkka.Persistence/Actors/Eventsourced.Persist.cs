namespace LithairAkka.Persistence;

/// <summary>Persisting events and running their handlers as the journal confirms them.</summary>
public abstract partial class Eventsourced
{
    private readonly Queue<PendingInvocation> _pendingInvocations = new();
    private readonly List<IPersistentEnvelope> _eventBatch = [];
    private readonly List<IPersistentEnvelope> _journalBatch = [];
    private int _pendingStashingInvocations;
    private bool _writeInProgress;
    private long _sequenceNr;

    /// <summary>
    /// Persists <paramref name="event"/> and, once the journal stored it, calls <paramref name="handler"/> with it
    /// (with <see cref="Sender"/> the sender of the current command). Until every handler of the current command has
    /// run, new commands are stashed, so the handler sees the state the command saw. The events a command persists
    /// are written together after it returns, each <see cref="Persist{TEvent}"/> atomically.
    /// </summary>
    /// <exception cref="InvalidOperationException">During recovery (before <see cref="RecoveryCompleted"/>).</exception>
    public void Persist<TEvent>(TEvent @event, Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var persistent = NewPersistent(@event);
        _pendingStashingInvocations++;
        _pendingInvocations.Enqueue(PendingInvocation.For(handler, isStashing: true));
        _eventBatch.Add(new AtomicWrite(persistent));
    }

    /// <summary>
    /// Persists <paramref name="events"/> in one atomic write (all or none) and calls <paramref name="handler"/> for
    /// each once stored, in order. Stashes commands like <see cref="Persist{TEvent}"/>. Nothing happens for no events.
    /// </summary>
    /// <exception cref="InvalidOperationException">During recovery.</exception>
    public void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) => PersistAllCore(events, handler, isStashing: true);

    /// <summary>
    /// Persists <paramref name="event"/> without stashing commands: new commands are handled while the write is in
    /// flight, and <paramref name="handler"/> runs once it is stored, in persist order with all other handlers.
    /// </summary>
    /// <exception cref="InvalidOperationException">During recovery.</exception>
    public void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var persistent = NewPersistent(@event);
        _pendingInvocations.Enqueue(PendingInvocation.For(handler, isStashing: false));
        _eventBatch.Add(new AtomicWrite(persistent));
    }

    /// <summary>
    /// Persists <paramref name="events"/> in one atomic write without stashing commands (see
    /// <see cref="PersistAsync{TEvent}"/>); <paramref name="handler"/> runs for each once stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">During recovery.</exception>
    public void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) => PersistAllCore(events, handler, isStashing: false);

    /// <summary>
    /// Runs <paramref name="handler"/> with <paramref name="event"/> (which is not stored) after the handlers of all
    /// events persisted before, without stashing commands meanwhile; at once when none is pending.
    /// </summary>
    /// <exception cref="InvalidOperationException">During recovery.</exception>
    public void DeferAsync<TEvent>(TEvent @event, Action<TEvent> handler) => DeferCore(@event, handler, isStashing: false);

    /// <summary>
    /// Like <see cref="DeferAsync{TEvent}"/>, but commands are stashed until <paramref name="handler"/> ran, as for
    /// <see cref="Persist{TEvent}"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">During recovery.</exception>
    public void Defer<TEvent>(TEvent @event, Action<TEvent> handler) => DeferCore(@event, handler, isStashing: true);

    /// <summary>
    /// Called when the journal failed to store an event (the store is unavailable; whether the event was stored is
    /// unknown). The default logs an error; the actor then stops, as in Akka. Restart it later with a backoff
    /// supervisor: recovery will tell what was stored.
    /// </summary>
    /// <param name="cause">The failure.</param>
    /// <param name="event">The event.</param>
    /// <param name="sequenceNr">Its sequence number.</param>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        ArgumentNullException.ThrowIfNull(@event);
        Log.Error(
            cause,
            "Failed to persist event type [{EventType}] with sequence number [{SequenceNr}] for persistenceId [{PersistenceId}]; stopping",
            @event.GetType().FullName,
            sequenceNr,
            _persistenceId);
    }

    /// <summary>
    /// Called when the journal rejected an event before storing it (e.g. it could not be serialized); its handler
    /// does not run. The default logs a warning; the actor continues.
    /// </summary>
    /// <param name="cause">The reason.</param>
    /// <param name="event">The event.</param>
    /// <param name="sequenceNr">Its sequence number.</param>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        ArgumentNullException.ThrowIfNull(@event);
        Log.Warning(
            cause,
            "Rejected to persist event type [{EventType}] with sequence number [{SequenceNr}] for persistenceId [{PersistenceId}]",
            @event.GetType().FullName,
            sequenceNr,
            _persistenceId);
    }

    private void PersistAllCore<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler, bool isStashing)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureCanPersist();
        List<Persistent>? batch = null;
        foreach (var @event in events)
        {
            (batch ??= []).Add(NewPersistent(@event));
            if (isStashing)
            {
                _pendingStashingInvocations++;
            }

            _pendingInvocations.Enqueue(PendingInvocation.For(handler, isStashing));
        }

        if (batch is not null)
        {
            _eventBatch.Add(new AtomicWrite(batch));
        }
    }

    private void DeferCore<TEvent>(TEvent @event, Action<TEvent> handler, bool isStashing)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (@event is null)
        {
            throw new ArgumentNullException(nameof(@event));
        }

        EnsureCanPersist();
        if (_pendingInvocations.Count == 0)
        {
            handler(@event);
            return;
        }

        if (isStashing)
        {
            _pendingStashingInvocations++;
        }

        _pendingInvocations.Enqueue(PendingInvocation.For(handler, isStashing));
        _eventBatch.Add(new NonPersistentMessage(@event, Sender));
    }

    private Persistent NewPersistent<TEvent>(TEvent @event)
    {
        if (@event is null)
        {
            throw new ArgumentNullException(nameof(@event));
        }

        EnsureCanPersist();
        return new Persistent(@event, ++_sequenceNr, _persistenceId!, string.Empty, false, Sender, _writerGuid);
    }

    private void EnsureCanPersist()
    {
        if (_phase is not (EventsourcedPhase.ProcessingCommands or EventsourcedPhase.PersistingEvents))
        {
            throw new InvalidOperationException(
                "Cannot persist during recovery: events can be persisted from the RecoveryCompleted handler on.");
        }
    }

    private void FlushBatch()
    {
        _journalBatch.AddRange(_eventBatch);
        _eventBatch.Clear();
        if (!_writeInProgress)
        {
            FlushJournalBatch();
        }
    }

    /// <summary>Sends the queued envelopes as one request; a persistent actor never has two requests in flight.</summary>
    private void FlushJournalBatch()
    {
        Journal.Tell(new WriteMessages(_journalBatch.ToArray(), Self, _instanceId), Self);
        _journalBatch.Clear();
        _writeInProgress = true;
    }

    /// <summary>Handles the journal's answers to writes; false for any other message.</summary>
    private bool HandleJournalReply(object message)
    {
        switch (message)
        {
            case WriteMessageSuccess success:
                if (success.ActorInstanceId == _instanceId)
                {
                    UpdateLastSequenceNr(success.Persistent);
                    InvokeNextHandler(success.Persistent.Payload);
                }

                return true;
            case WriteMessageRejected rejected:
                if (rejected.ActorInstanceId == _instanceId)
                {
                    UpdateLastSequenceNr(rejected.Persistent);
                    SkipNextHandler(() => OnPersistRejected(rejected.Cause, rejected.Persistent.Payload, rejected.Persistent.SequenceNr));
                }

                return true;
            case WriteMessageFailure failure:
                if (failure.ActorInstanceId == _instanceId)
                {
                    try
                    {
                        SkipNextHandler(() => OnPersistFailure(failure.Cause, failure.Persistent.Payload, failure.Persistent.SequenceNr));
                    }
                    finally
                    {
                        // Stashed commands go to dead letters with the actor, they are not handled any more.
                        _phase = EventsourcedPhase.Stopped;
                        Context.Stop(Self);
                    }
                }

                return true;
            case LoopMessageSuccess loop:
                if (loop.ActorInstanceId == _instanceId)
                {
                    InvokeNextHandler(loop.Message);
                }

                return true;
            case WriteMessagesSuccessful successful:
                OnRequestCompleted(successful.ActorInstanceId);
                return true;
            case WriteMessagesFailed failed:
                OnRequestCompleted(failed.ActorInstanceId);
                return true;
            default:
                // A late answer to an earlier phase or incarnation: never a command.
                return IsProtocolMessage(message);
        }
    }

    private void OnRequestCompleted(int instanceId)
    {
        if (instanceId != _instanceId)
        {
            return;
        }

        _writeInProgress = false;
        if (_journalBatch.Count > 0)
        {
            FlushJournalBatch();
        }
    }

    private void InvokeNextHandler(object payload)
    {
        var invocation = _pendingInvocations.Dequeue();
        try
        {
            invocation.Invoke(invocation.Handler, payload);
        }
        finally
        {
            if (invocation.IsStashing)
            {
                _pendingStashingInvocations--;
            }
        }

        AfterHandler();
    }

    private void SkipNextHandler(Action notify)
    {
        var invocation = _pendingInvocations.Dequeue();
        try
        {
            notify();
        }
        finally
        {
            if (invocation.IsStashing)
            {
                _pendingStashingInvocations--;
            }
        }

        AfterHandler();
    }

    private void UpdateLastSequenceNr(Persistent persistent)
    {
        if (persistent.SequenceNr > LastSequenceNr)
        {
            LastSequenceNr = persistent.SequenceNr;
        }
    }
}
