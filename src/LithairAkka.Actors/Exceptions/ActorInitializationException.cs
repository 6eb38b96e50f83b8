namespace LithairAkka.Actors;

/// <summary>An actor failed while being created (constructor or <c>PreStart</c>); the default decider stops it.</summary>
public class ActorInitializationException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public ActorInitializationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActorInitializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ActorInitializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the actor.</summary>
    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException)
        : base(actor is null ? message : $"{actor.Path}: {message}", innerException)
    {
        Actor = actor;
    }

    /// <summary>The actor that failed to initialize, when known.</summary>
    public IActorRef? Actor { get; }
}
