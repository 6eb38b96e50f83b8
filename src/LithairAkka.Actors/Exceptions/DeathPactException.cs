namespace LithairAkka.Actors;

/// <summary>Thrown in an actor that did not handle the <see cref="Terminated"/> of an actor it watched.</summary>
public sealed class DeathPactException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public DeathPactException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeathPactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DeathPactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the dead actor.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor}] terminated")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor that stopped.</summary>
    public IActorRef? DeadActor { get; }
}
