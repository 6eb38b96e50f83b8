using LithairAkka.Actors;
using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Event;

namespace LithairAkka.Persistence;

/// <summary>
/// Base of persistent actors (Akka's <c>Eventsourced</c>): an actor whose state is rebuilt from the events it
/// persisted. On start it waits for a recovery permit (<c>max-concurrent-recoveries</c>), loads its youngest
/// snapshot (<see cref="SnapshotOffer"/>), replays the later events to <see cref="ReceiveRecover"/>, then delivers
/// <see cref="RecoveryCompleted"/>; commands that arrive meanwhile are stashed and handled afterwards, in order.
/// Command handlers persist events with <see cref="Persist{TEvent}"/> and friends; the events of all persistent
/// actors of a journal are batched into shared journal round trips.
/// </summary>
/// <remarks>
/// <para>
/// Change the command behaviour with this class's <see cref="Become(Receive)"/> family, never with
/// <c>Context.Become</c> (that would bypass persistence). Inside a persistent actor use <see cref="Sender"/> (not
/// <c>Context.Sender</c> or <c>Forward</c>): commands stashed during a persist are handled later with their own
/// sender, which only <see cref="Sender"/> reports. Persistent actors have their own <see cref="Stash"/>; do not
/// implement <see cref="IWithUnboundedStash"/>.
/// </para>
/// <para>
/// When overriding <see cref="PreRestart"/> or <see cref="PostStop"/>, call the base method: it hands stashed
/// commands on (to the next incarnation or to dead letters) and returns the recovery permit.
/// </para>
/// </remarks>
public abstract partial class Eventsourced : ActorBase
{
    private static int _instanceCounter;

    private readonly Persistence _persistence;
    private readonly int _instanceId;
    private readonly string _writerGuid;
    private Receive _commandBehavior;
    private Stack<Receive>? _behaviorStack;
    private EventsourcedPhase _phase = EventsourcedPhase.WaitingForPermit;
    private IActorRef? _journal;
    private IActorRef? _snapshotStore;
    private ILoggingAdapter? _log;
    private string? _persistenceId;

    /// <summary>Creates the actor and asks for a recovery permit; recovery starts once it arrives.</summary>
    protected Eventsourced()
    {
        _persistence = Persistence.Get(Context.System);
        _instanceId = Interlocked.Increment(ref _instanceCounter);
        _writerGuid = Guid.NewGuid().ToString("N");
        _commandBehavior = ReceiveCommand;
        _userStash = new UserStash(this);
        _persistence.RecoveryPermitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, Self);
    }

    /// <summary>The id of the actor's event stream; stable across restarts and processes, unique per journal.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The journal plugin id (config path); null or empty for <c>akka.persistence.journal.plugin</c>.</summary>
    public virtual string? JournalPluginId => null;

    /// <summary>The snapshot-store plugin id (config path); null or empty for <c>akka.persistence.snapshot-store.plugin</c>.</summary>
    public virtual string? SnapshotPluginId => null;

    /// <summary>How the actor recovers (read once, when recovery starts).</summary>
    public virtual Recovery Recovery => Recovery.Default;

    /// <summary>The id snapshots are stored under: <see cref="PersistenceId"/>.</summary>
    public string SnapshotterId => PersistenceId;

    /// <summary>The highest sequence number replayed or confirmed persisted (after recovery: at least the highest stored one).</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number a snapshot taken now covers: <see cref="LastSequenceNr"/>.</summary>
    public long SnapshotSequenceNr => LastSequenceNr;

    /// <summary>True until recovery completed (also while <see cref="RecoveryCompleted"/> is not yet delivered).</summary>
    public bool IsRecovering => _phase < EventsourcedPhase.ProcessingCommands;

    /// <summary>True once <see cref="RecoveryCompleted"/> was delivered.</summary>
    public bool IsRecoveryFinished => _phase is EventsourcedPhase.ProcessingCommands or EventsourcedPhase.PersistingEvents;

    /// <summary>The journal plugin actor.</summary>
    /// <exception cref="Hocon.ConfigurationException">When the plugin is not configured.</exception>
    public IActorRef Journal => _journal ??= _persistence.JournalFor(JournalPluginId);

    /// <summary>The snapshot-store plugin actor.</summary>
    /// <exception cref="Hocon.ConfigurationException">When the plugin is not configured.</exception>
    public IActorRef SnapshotStore => _snapshotStore ??= _persistence.SnapshotStoreFor(SnapshotPluginId);

    /// <summary>
    /// The sender of the command being handled, also for commands handled after a persist (stashed meanwhile) and in
    /// persist handlers (the sender of the command that persisted the event).
    /// </summary>
    protected new IActorRef Sender => _inlineSender ?? base.Sender;

    /// <summary>The actor's logger.</summary>
    protected ILoggingAdapter Log => _log ??= Context.GetLogger();

    /// <summary>Handles recovery: <see cref="SnapshotOffer"/>, replayed events, then <see cref="RecoveryCompleted"/>.</summary>
    /// <returns>False for messages it does not handle (they go to <c>Unhandled</c>).</returns>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>Handles a command (the initial command behaviour).</summary>
    /// <returns>False for messages it does not handle (they go to <c>Unhandled</c>).</returns>
    protected abstract bool ReceiveCommand(object message);

    /// <summary>Replaces the command behaviour.</summary>
    protected new void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _commandBehavior = receive;
    }

    /// <summary>Pushes a command behaviour; <see cref="UnbecomeStacked"/> returns to the current one.</summary>
    protected new void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviorStack ??= new Stack<Receive>()).Push(_commandBehavior);
        _commandBehavior = receive;
    }

    /// <summary>Pops the top command behaviour (the initial one stays).</summary>
    protected new void UnbecomeStacked()
    {
        if (_behaviorStack is { Count: > 0 })
        {
            _commandBehavior = _behaviorStack.Pop();
        }
    }

    /// <inheritdoc/>
    protected sealed override bool Receive(object message)
    {
        _current = new Envelope(message, base.Sender);
        HandleMessage(message);
        ContinueUnstashing();
        return true;
    }

    /// <summary>
    /// Publishes <paramref name="message"/> as unhandled (with the sender <see cref="Sender"/> reports); an unhandled
    /// <see cref="Terminated"/> throws <see cref="DeathPactException"/>.
    /// </summary>
    protected override void Unhandled(object message)
    {
        if (_inlineSender is null)
        {
            base.Unhandled(message);
            return;
        }

        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        Context.System.EventStream.Publish(new UnhandledMessage(message, _inlineSender, Self));
    }

    private void HandleMessage(object message)
    {
        switch (_phase)
        {
            case EventsourcedPhase.ProcessingCommands:
                if (!HandleJournalReply(message))
                {
                    ProcessCommand(message);
                }

                break;
            case EventsourcedPhase.PersistingEvents:
                if (!HandleJournalReply(message))
                {
                    _internalStash.AddLast(_current);
                }

                break;
            default:
                HandleRecoveryMessage(message);
                break;
        }
    }

    private void ProcessCommand(object message)
    {
        if (!_commandBehavior(message))
        {
            Unhandled(message);
        }

        AfterHandler();
    }

    /// <summary>Sends what the handler persisted and moves between processing and persisting.</summary>
    private void AfterHandler()
    {
        if (_eventBatch.Count > 0)
        {
            FlushBatch();
        }

        if (_phase is EventsourcedPhase.ProcessingCommands or EventsourcedPhase.PersistingEvents)
        {
            _phase = _pendingStashingInvocations > 0 ? EventsourcedPhase.PersistingEvents : EventsourcedPhase.ProcessingCommands;
        }
    }

    /// <summary>Messages of the persistence protocol; never given to user handlers, even when stale.</summary>
    private static bool IsProtocolMessage(object message) => message
        is WriteMessageSuccess or WriteMessageRejected or WriteMessageFailure or LoopMessageSuccess
        or WriteMessagesSuccessful or WriteMessagesFailed
        or ReplayedMessage or RecoverySuccess or ReplayMessagesFailure
        or LoadSnapshotResult or LoadSnapshotFailed
        or RecoveryPermitter.RecoveryPermitGranted or RecoveryTick;
}
