namespace LithairAkka.Actors;

/// <summary>Well-known refs.</summary>
public static class ActorRefs
{
    /// <summary>The ref that stands for "no actor".</summary>
    public static IActorRef Nobody => Actors.Nobody.Instance;

    /// <summary>Pass as sender when there is none; the receiver then sees the dead-letters ref as <c>Sender</c>.</summary>
    public static readonly IActorRef? NoSender;
}
