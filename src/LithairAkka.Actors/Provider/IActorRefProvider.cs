namespace LithairAkka.Actors;

/// <summary>
/// The seam between the actor system and where actors live. <c>akka.actor.provider</c> (<c>local</c>,
/// <c>remote</c>, <c>cluster</c> or a type name) picks the implementation: <see cref="LocalActorRefProvider"/> here;
/// the remoting layer's provider wraps a <see cref="LocalActorRefProvider"/>, reports the transport
/// <see cref="DefaultAddress"/>, and resolves paths with other addresses to its own remote refs (which carry
/// system messages such as Watch over the wire). Implementations must be thread-safe.
/// </summary>
public interface IActorRefProvider
{
    /// <summary>The root path of local actors (always the local <c>akka://system</c> address).</summary>
    ActorPath RootPath { get; }

    /// <summary>The address under which this system is reachable from outside (the root address when local-only).</summary>
    Address DefaultAddress { get; }

    /// <summary>The root guardian <c>/</c>.</summary>
    IInternalActorRef RootGuardian { get; }

    /// <summary>The user guardian <c>/user</c>, parent of top-level actors.</summary>
    LocalActorRef Guardian { get; }

    /// <summary>The system guardian <c>/system</c>, parent of the runtime's own actors.</summary>
    LocalActorRef SystemGuardian { get; }

    /// <summary>The dead-letters ref <c>/deadLetters</c>.</summary>
    IActorRef DeadLetters { get; }

    /// <summary>The <c>/temp</c> container of Ask promises.</summary>
    VirtualPathContainer TempContainer { get; }

    /// <summary>The system's settings.</summary>
    ActorSystemSettings Settings { get; }

    /// <summary>The system once <see cref="Init"/> ran.</summary>
    ExtendedActorSystem System { get; }

    /// <summary>Completes when the root guardian stopped.</summary>
    Task TerminationTask { get; }

    /// <summary>Creates the guardians; called once by the system during its start.</summary>
    void Init(ExtendedActorSystem system);

    /// <summary>A fresh path under <c>/temp</c>.</summary>
    ActorPath TempPath();

    /// <summary>Makes <paramref name="actorRef"/> resolvable at <paramref name="path"/> (under <c>/temp</c>).</summary>
    void RegisterTempActor(IInternalActorRef actorRef, ActorPath path);

    /// <summary>Removes a temporary ref.</summary>
    void UnregisterTempActor(ActorPath path);

    /// <summary>Resolves a path string (absolute, or <c>/user/...</c>) to a ref; unknown local paths give an empty ref.</summary>
    IActorRef ResolveActorRef(string path);

    /// <summary>Resolves a path to a ref; a uid in the path must match the incarnation.</summary>
    IActorRef ResolveActorRef(ActorPath path);

    /// <summary>The root guardian of the system at <paramref name="address"/>.</summary>
    IInternalActorRef RootGuardianAt(Address address);

    /// <summary>The local address to use when talking to <paramref name="remoteAddress"/>, or null when unreachable.</summary>
    Address? GetExternalAddressFor(Address remoteAddress);
}
