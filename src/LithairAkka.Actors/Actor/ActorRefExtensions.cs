namespace LithairAkka.Actors;

/// <summary>Conveniences on refs and <see cref="ICanTell"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends with the current actor as sender when called inside an actor, otherwise with no sender.
    /// </summary>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.GetCurrentSelfOrNoSender());
    }

    /// <summary>Sends <paramref name="message"/> keeping the current message's sender. Only inside an actor.</summary>
    /// <exception cref="InvalidOperationException">When called outside an actor's message processing.</exception>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current ?? throw new InvalidOperationException("Forward may only be called from inside an actor.");
        receiver.Tell(message, cell.Sender);
    }

    /// <summary>True when <paramref name="actorRef"/> is neither null nor <see cref="Nobody"/>.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null or Nobody;
}
