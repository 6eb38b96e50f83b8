using LithairAkka.Actors.Dispatch;

namespace LithairAkka.Actors;

/// <summary>
/// The context of the actor being run: its identity, the current sender, its children, behaviour and watches.
/// Only valid on the actor's own thread while it processes a message or a lifecycle hook.
/// </summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>The actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message (dead letters when there was none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The props the actor was created from.</summary>
    Props Props { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The dispatcher the actor runs on.</summary>
    MessageDispatcher Dispatcher { get; }

    /// <summary>The running children.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The current receive timeout, or null.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The running children (Akka's method form).</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>The child named <paramref name="name"/>, or <see cref="Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Creates a child of type <typeparamref name="TActor"/>.</summary>
    IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new();

    /// <summary>Stops <paramref name="child"/> (or the actor itself) asynchronously, after its current message.</summary>
    void Stop(IActorRef child);

    /// <summary>
    /// Watches <paramref name="subject"/>: a <see cref="Terminated"/> arrives once it stops, at once if it already has.
    /// </summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Watches <paramref name="subject"/>, delivering <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a queued <see cref="Terminated"/> for it is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour on the behaviour stack.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the top behaviour (the initial one is never popped).</summary>
    void UnbecomeStacked();

    /// <summary>Sets (or with null clears) the time without messages after which <see cref="Actors.ReceiveTimeout"/> arrives.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);
}
