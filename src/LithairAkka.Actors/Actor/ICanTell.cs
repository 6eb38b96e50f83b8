namespace LithairAkka.Actors;

/// <summary>Something a message can be sent to: an actor ref or an actor selection.</summary>
public interface ICanTell
{
    /// <summary>
    /// Sends <paramref name="message"/> asynchronously, fire-and-forget. Never blocks; thread-safe.
    /// Messages from one sender to one receiver arrive in the order they were sent.
    /// </summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">The sender the receiver sees as <c>Sender</c>, or <see cref="ActorRefs.NoSender"/>.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="message"/> is null.</exception>
    void Tell(object message, IActorRef? sender);
}
