using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// Base of every actor. An instance is created by the runtime from <see cref="Props"/> (never with <c>new</c>
/// elsewhere), processes one message at a time on its actor's thread, and is replaced by a fresh instance on
/// restart. Override <see cref="Receive"/> (or derive from <see cref="ReceiveActor"/>/<see cref="UntypedActor"/>)
/// and the lifecycle hooks.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private SupervisorStrategy? _supervisorStrategy;

    /// <summary>Binds the instance to the actor being created.</summary>
    /// <exception cref="ActorInitializationException">When constructed outside <see cref="IActorRefFactory.ActorOf"/>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing ?? throw new ActorInitializationException(
            $"You cannot create an instance of [{GetType()}] explicitly using the constructor (new). Use ActorOf(Props) instead.");
        ActorCell.Constructing = null;
        _cell.Prepare(this);
    }

    /// <summary>The context of the running actor; only valid on the actor's thread while it runs.</summary>
    /// <exception cref="NotSupportedException">When called outside the actor's message processing.</exception>
    protected static IActorContext Context =>
        ActorCell.Current ?? throw new NotSupportedException("There is no active actor context: Context is only valid inside the actor's message processing.");

    /// <summary>The actor's own ref (valid from the constructor on, also after await).</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>Handles a message; return false for messages the actor does not handle.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>
    /// Called for messages no behaviour handled: an unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>, anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.PublishUnhandled(message);
    }

    /// <summary>Called once after the instance is created, before any message (also from the default <see cref="PostRestart"/>).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called once after the actor stopped (and, by default, before a restart).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before a restart. The default unwatches and stops all children and calls
    /// <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, or null.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy that supervises this actor's children (default: restart on any exception).</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Pops the top behaviour.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    /// <summary>Sets or clears the receive timeout.</summary>
    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

    internal ActorCell Cell => _cell;

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal SupervisorStrategy SupervisorStrategyInternal =>
        _supervisorStrategy ??= _cell.Props.SupervisorStrategy ?? SupervisorStrategy();

    /// <summary>Called by the runtime after the constructor returned.</summary>
    internal virtual void AfterConstruction()
    {
    }

    /// <summary>The initial behaviour used by the cell.</summary>
    internal virtual Receive InitialBehavior => Receive;
}
