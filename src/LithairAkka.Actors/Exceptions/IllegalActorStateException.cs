namespace LithairAkka.Actors;

/// <summary>Thrown when an actor is used against its rules (e.g. stashing the same message twice).</summary>
public class IllegalActorStateException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public IllegalActorStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IllegalActorStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public IllegalActorStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
