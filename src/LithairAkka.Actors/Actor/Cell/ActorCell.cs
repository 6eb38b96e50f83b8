using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// The runtime state of one actor: its mailbox, current instance, behaviour stack, children, watches and
/// failure state. Everything except the Tell/system-message entry points and the children container runs on the
/// actor's own thread, one message at a time (the mailbox guarantees it), so it needs no locks.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? _current;

    [ThreadStatic]
    private static ActorCell? _constructing;

    [ThreadStatic]
    private static IActorRef? _implicitSender;

    private static readonly AsyncLocal<IActorRef?> AsyncImplicitSender = new();

    private readonly ActorSystemImpl _system;
    private readonly LocalActorRef _self;
    private readonly IInternalActorRef _parent;
    private readonly Mailbox _mailbox;
    private ActorBase? _actor;
    private Receive _behavior = static _ => false;
    private List<Receive>? _behaviorStack;
    private object? _currentMessage;
    private long _deliveryCount;
    private IActorRef? _currentSender;
    private long _nameCounter;

    internal ActorCell(ActorSystemImpl system, LocalActorRef self, Props props, MessageDispatcher dispatcher, MailboxSettings mailbox, IInternalActorRef parent)
    {
        _system = system;
        _self = self;
        Props = props;
        Dispatcher = dispatcher;
        _parent = parent;
        _mailbox = new Mailbox(dispatcher, mailbox);
        _mailbox.SetActor(this, dispatcher.Attach(this));
    }

    /// <summary>The cell whose message is being processed on this thread.</summary>
    internal static ActorCell? Current
    {
        get => _current;
        set => _current = value;
    }

    /// <summary>The cell whose actor instance is being constructed on this thread.</summary>
    internal static ActorCell? Constructing
    {
        get => _constructing;
        set => _constructing = value;
    }

    public IActorRef Self => _self;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    public Props Props { get; }

    public ActorSystem System => _system;

    public MessageDispatcher Dispatcher { get; }

    internal ActorSystemImpl SystemImpl => _system;

    internal LocalActorRef SelfRef => _self;

    internal IInternalActorRef ParentRef => _parent;

    internal Mailbox Mailbox => _mailbox;

    internal ActorBase? Actor => _actor;

    internal object? CurrentMessage => _currentMessage;

    /// <summary>Counts user-message deliveries; tells two deliveries of one (shared) message object apart.</summary>
    internal long CurrentDelivery => _deliveryCount;

    internal IActorRef? CurrentSender => _currentSender;

    internal bool IsTerminated => _mailbox.IsClosed;

    internal long Uid => _self.Path.Uid;

    /// <summary>The sender of <c>Tell(message)</c>: the running actor, else the implicit sender of this thread or flow.</summary>
    internal static IActorRef? GetCurrentSelfOrNoSender() => _current?._self ?? _implicitSender ?? AsyncImplicitSender.Value;

    /// <summary>Sets the implicit sender outside actors (the test kit's test actor), for this thread and async flow.</summary>
    internal static void SetImplicitSender(IActorRef? sender)
    {
        _implicitSender = sender;
        AsyncImplicitSender.Value = sender;
    }

    /// <summary>Starts the actor: its creation runs asynchronously on its own mailbox.</summary>
    internal void Start() => SendSystemMessage(Create.Instance);

    /// <summary>The Tell entry point; any thread.</summary>
    internal void SendMessage(object message, IActorRef? sender) => _mailbox.Post(message, sender);

    /// <summary>The system-message entry point; any thread.</summary>
    internal void SendSystemMessage(ISystemMessage message) => _mailbox.SystemEnqueue(message);

    internal void SendToDeadLetters(object message, IActorRef? sender) =>
        _system.DeadLetters.Tell(new DeadLetter(message, sender ?? _system.DeadLetters, _self), sender);

    /// <summary>A system message that reached the actor after it stopped: only a watch deserves an answer.</summary>
    internal void HandleDeadSystemMessage(ISystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(_self) && !watch.Watcher.Equals(_self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
        }
    }

    /// <summary>Called from the <see cref="ActorBase"/> constructor: injects the stash and timers.</summary>
    internal void Prepare(ActorBase actor)
    {
        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = new TimerScheduler(this);
        }

        if (actor is IWithUnboundedStash withStash)
        {
            withStash.Stash = new UnboundedStash(this);
        }
    }

    internal void PublishUnhandled(object message)
    {
        var unhandled = new UnhandledMessage(message, Sender, _self);
        _system.EventStream.Publish(unhandled);
        if (_system.Settings.DebugUnhandled)
        {
            Publish(LogLevel.DebugLevel, null, "Unhandled message from {Sender}: {Message}", Sender, message);
        }
    }

    internal void Publish(LogLevel level, Exception? cause, string template, params object?[] args) =>
        _system.LogFor(_self.Path.ToString(), _actor?.GetType() ?? Props.ActorType).Log(level, cause, template, args);

    private ActorBase NewActor()
    {
        _behaviorStack = null;
        var previous = _constructing;
        _constructing = this;
        ActorBase instance;
        try
        {
            instance = Props.NewActor();
        }
        finally
        {
            _constructing = previous;
        }

        if (instance is null || !ReferenceEquals(instance.Cell, this))
        {
            throw new ActorInitializationException(_self, $"The props factory of {Props.ActorType} must create a new instance on every call.", null);
        }

        instance.AfterConstruction();
        _behavior = instance.InitialBehavior;
        return instance;
    }
}
