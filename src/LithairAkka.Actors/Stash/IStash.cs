using LithairAkka.Actors.Dispatch;

namespace LithairAkka.Actors;

/// <summary>
/// Holds messages an actor cannot handle yet. Unstashed messages go ahead of the mailbox in their original order.
/// The stash survives a restart (its messages are put back ahead of the mailbox before <c>PreRestart</c>) and goes
/// to dead letters when the actor stops. Use only from the actor itself.
/// </summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>True when nothing is stashed.</summary>
    bool IsEmpty { get; }

    /// <summary>Stashes the current message (with its sender).</summary>
    /// <exception cref="IllegalActorStateException">When the same message is stashed twice.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back at the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages matching <paramref name="predicate"/> back; drops the others from the stash.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns its messages, oldest first.</summary>
    IReadOnlyList<Envelope> ClearStash();
}
