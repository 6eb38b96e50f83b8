using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>
/// The runtime's view of an actor ref: system messages, lifecycle control and the tree. Implemented by local
/// refs here and by remote refs in the remoting layer (a remote ref forwards <see cref="SendSystemMessage"/>
/// such as <see cref="Watch"/> over the wire). Not for application code.
/// </summary>
public interface IInternalActorRef : IActorRef
{
    /// <summary>The supervisor of this actor (the root guardian's is a sentinel).</summary>
    IInternalActorRef Parent { get; }

    /// <summary>The provider that created or resolved this ref.</summary>
    IActorRefProvider Provider { get; }

    /// <summary>True for refs to actors in this process.</summary>
    bool IsLocal { get; }

    /// <summary>True once the actor is known to have stopped (best effort for remote refs).</summary>
    bool IsTerminated { get; }

    /// <summary>Walks down the tree by <paramref name="name"/>; returns <see cref="Nobody"/> when absent.</summary>
    IActorRef GetChild(IReadOnlyList<string> name);

    /// <summary>Enqueues a system message, processed ahead of user messages. Thread-safe, never blocks.</summary>
    void SendSystemMessage(ISystemMessage message);

    /// <summary>Starts the actor (sends <see cref="Create"/>).</summary>
    void Start();

    /// <summary>Asks the actor to stop (sends <see cref="Terminate"/>).</summary>
    void Stop();

    /// <summary>Suspends user-message processing (sends <see cref="Suspend"/>).</summary>
    void Suspend();

    /// <summary>Resumes user-message processing (sends <see cref="Resume"/>).</summary>
    /// <param name="causedByFailure">The failure the resume answers, or null.</param>
    void Resume(Exception? causedByFailure = null);

    /// <summary>Restarts the actor (sends <see cref="Recreate"/>).</summary>
    void Restart(Exception cause);
}
