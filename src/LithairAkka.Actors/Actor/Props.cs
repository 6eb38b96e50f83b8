using LithairAkka.Actors.Dispatch;

namespace LithairAkka.Actors;

/// <summary>
/// The immutable recipe for an actor: how to make an instance (again on every restart), on which dispatcher and
/// mailbox it runs and, optionally, the supervisor strategy for its children. Thread-safe; share freely.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, string dispatcher, string? mailbox, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        _factory = factory;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The type of actor the props create.</summary>
    public Type ActorType { get; }

    /// <summary>The dispatcher id (a HOCON path); <see cref="Dispatchers.DefaultDispatcherId"/> unless set.</summary>
    public string Dispatcher { get; }

    /// <summary>The mailbox id (a HOCON path), or null for the default mailbox.</summary>
    public string? Mailbox { get; }

    /// <summary>The strategy supervising the actor's children; overrides the actor's own when set.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for <typeparamref name="TActor"/> created with its parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), Dispatchers.DefaultDispatcherId, null, null);

    /// <summary>
    /// Props whose instances come from <paramref name="factory"/>, e.g. <c>() =&gt; new Worker(store)</c>. The factory
    /// is called again for every restart and must return a new instance each time.
    /// </summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, Dispatchers.DefaultDispatcherId, null, null);
    }

    /// <summary>Props for <paramref name="actorType"/> created by reflection with <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">When the type is not an <see cref="ActorBase"/>.</exception>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"{actorType} is not a concrete actor type.", nameof(actorType));
        }

        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, args)!, Dispatchers.DefaultDispatcherId, null, null);
    }

    /// <summary>Returns a copy running on the dispatcher configured at <paramref name="dispatcherId"/>.</summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcherId);
        return new Props(ActorType, _factory, dispatcherId, Mailbox, SupervisorStrategy);
    }

    /// <summary>Returns a copy using the mailbox configured at <paramref name="mailboxId"/>.</summary>
    public Props WithMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        return new Props(ActorType, _factory, Dispatcher, mailboxId, SupervisorStrategy);
    }

    /// <summary>Returns a copy whose children are supervised by <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(ActorType, _factory, Dispatcher, Mailbox, strategy);
    }

    /// <summary>Creates a new instance. Called by the runtime inside the actor's context.</summary>
    internal ActorBase NewActor() => _factory();

    /// <inheritdoc/>
    public override string ToString() => $"Props({ActorType.Name}, dispatcher={Dispatcher}, mailbox={Mailbox ?? "default"})";
}
