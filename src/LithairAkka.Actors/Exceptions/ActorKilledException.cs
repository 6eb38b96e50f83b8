namespace LithairAkka.Actors;

/// <summary>Thrown in an actor that received <see cref="Kill"/>; the default decider stops the actor.</summary>
public class ActorKilledException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public ActorKilledException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActorKilledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ActorKilledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
