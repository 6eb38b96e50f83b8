using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// The provider of a process-local actor system (<c>akka.actor.provider = local</c>): the guardian tree
/// (<c>/</c>, <c>/user</c>, <c>/system</c>), <c>/deadLetters</c>, <c>/temp</c> and path resolution. Remoting composes
/// it: it creates one, calls <see cref="Init"/>, and delegates local work to it. Thread-safe.
/// </summary>
public class LocalActorRefProvider : IActorRefProvider
{
    private long _tempCounter;
    private ExtendedActorSystem? _system;
    private RootGuardianSupervisor? _rootSupervisor;
    private LocalActorRef? _rootGuardian;
    private LocalActorRef? _guardian;
    private LocalActorRef? _systemGuardian;
    private VirtualPathContainer? _tempContainer;

    /// <summary>Creates the provider; <see cref="Init"/> must run before use.</summary>
    public LocalActorRefProvider(string systemName, ActorSystemSettings settings, EventStream eventStream)
    {
        ArgumentException.ThrowIfNullOrEmpty(systemName);
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        ArgumentNullException.ThrowIfNull(eventStream);
        RootPath = new RootActorPath(new Address("akka", systemName));
        DeadLetters = new DeadLetterActorRef(this, RootPath / "deadLetters", eventStream);
    }

    /// <inheritdoc/>
    public ActorPath RootPath { get; }

    /// <inheritdoc/>
    public virtual Address DefaultAddress => RootPath.Address;

    /// <inheritdoc/>
    public IInternalActorRef RootGuardian => _rootGuardian ?? throw NotInitialized();

    /// <inheritdoc/>
    public LocalActorRef Guardian => _guardian ?? throw NotInitialized();

    /// <inheritdoc/>
    public LocalActorRef SystemGuardian => _systemGuardian ?? throw NotInitialized();

    /// <inheritdoc/>
    public IActorRef DeadLetters { get; }

    /// <inheritdoc/>
    public VirtualPathContainer TempContainer => _tempContainer ?? throw NotInitialized();

    /// <inheritdoc/>
    public ActorSystemSettings Settings { get; }

    /// <inheritdoc/>
    public ExtendedActorSystem System => _system ?? throw NotInitialized();

    /// <inheritdoc/>
    public virtual Task TerminationTask => _rootSupervisor?.Terminated ?? throw NotInitialized();

    /// <inheritdoc/>
    public virtual void Init(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (_system is not null)
        {
            throw new InvalidOperationException("The provider is already initialized.");
        }

        var impl = (ActorSystemImpl)system;
        _system = system;
        _rootSupervisor = new RootGuardianSupervisor(this, RootPath / "bubble-walker");
        var dispatcher = impl.Dispatchers.Lookup(Dispatchers.InternalDispatcherId);
        var mailbox = impl.Dispatchers.LookupMailbox(null);
        _rootGuardian = new LocalActorRef(impl, Props.Create(static () => new RootGuardianActor()), dispatcher, mailbox, _rootSupervisor, RootPath);
        _tempContainer = new VirtualPathContainer(this, RootPath / "temp", _rootGuardian);
        _rootGuardian.SetExtraChildren(new Dictionary<string, IInternalActorRef>(StringComparer.Ordinal)
        {
            ["temp"] = _tempContainer,
            ["deadLetters"] = (IInternalActorRef)DeadLetters,
        });

        var userStrategy = SupervisorStrategyConfigurator.FromName(Settings.GuardianSupervisorStrategy).Create();
        _guardian = _rootGuardian.Cell.AttachChild(
            Props.Create(() => new GuardianActor(userStrategy)).WithDispatcher(Dispatchers.InternalDispatcherId), "user", systemService: true);
        _systemGuardian = _rootGuardian.Cell.AttachChild(
            Props.Create(static () => new GuardianActor(Actors.SupervisorStrategy.DefaultStrategy)).WithDispatcher(Dispatchers.InternalDispatcherId), "system", systemService: true);
        _rootGuardian.Start();
    }

    /// <inheritdoc/>
    public ActorPath TempPath()
    {
        var n = Interlocked.Increment(ref _tempCounter);
        return TempContainer.Path / ("$" + n.ToString("x", global::System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public void RegisterTempActor(IInternalActorRef actorRef, ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(actorRef);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.Parent.Equals(TempContainer.Path))
        {
            throw new ArgumentException($"Cannot register a temporary actor outside /temp: {path}", nameof(path));
        }

        TempContainer.AddChild(path.Name, actorRef);
    }

    /// <inheritdoc/>
    public void UnregisterTempActor(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        TempContainer.RemoveChild(path.Name);
    }

    /// <inheritdoc/>
    public virtual IActorRef ResolveActorRef(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ActorPath.TryParse(path, out var actorPath))
        {
            return ResolveActorRef(actorPath);
        }

        if (path.StartsWith('/'))
        {
            ActorPath current = RootPath;
            foreach (var element in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                current = current.Child(element);
            }

            return ResolveLocalActorRef(current);
        }

        return DeadLetters;
    }

    /// <inheritdoc/>
    public virtual IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IsLocalAddress(path.Address) ? ResolveLocalActorRef(path) : DeadLetters;
    }

    /// <summary>Resolves the elements (and uid) of <paramref name="path"/> in this system, ignoring its address.</summary>
    public IActorRef ResolveLocalActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var elements = path.Elements;
        var found = elements.Count == 0 ? RootGuardian : RootGuardian.GetChild(elements);
        if (found is Nobody || (path.Uid != ActorPath.UndefinedUid && found.Path.Uid != path.Uid))
        {
            return new EmptyLocalActorRef(this, path, DeadLetters);
        }

        return found;
    }

    /// <inheritdoc/>
    public virtual IInternalActorRef RootGuardianAt(Address address) =>
        IsLocalAddress(address) ? RootGuardian : new EmptyLocalActorRef(this, new RootActorPath(address), DeadLetters);

    /// <inheritdoc/>
    public virtual Address? GetExternalAddressFor(Address remoteAddress) => IsLocalAddress(remoteAddress) ? DefaultAddress : null;

    /// <summary>True when <paramref name="address"/> names this system.</summary>
    protected virtual bool IsLocalAddress(Address address) => address == RootPath.Address || address == DefaultAddress;

    private static InvalidOperationException NotInitialized() => new("The actor ref provider is not initialized yet.");
}
