namespace LithairAkka.Actors;

/// <summary>Thrown by <c>ActorSelection.ResolveOne</c> when no actor answers at the path.</summary>
public class ActorNotFoundException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public ActorNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActorNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ActorNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
