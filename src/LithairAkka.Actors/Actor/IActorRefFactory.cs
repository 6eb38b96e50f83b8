namespace LithairAkka.Actors;

/// <summary>What can create actors and selections: the actor system (top-level actors) and an actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor; it starts asynchronously.</summary>
    /// <param name="props">The recipe.</param>
    /// <param name="name">A unique name among its siblings, or null for a generated one.</param>
    /// <exception cref="InvalidActorNameException">When the name is invalid or taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by path: absolute (<c>akka://sys/user/a</c>, <c>/user/a</c>) or relative (<c>../b</c>), with <c>*</c>/<c>?</c> wildcards.</summary>
    ActorSelection ActorSelection(string path);

    /// <summary>Selects the actor at an absolute path.</summary>
    ActorSelection ActorSelection(ActorPath path);
}
