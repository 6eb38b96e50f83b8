namespace LithairAkka.Actors;

/// <summary>Thrown when a child name is invalid or already taken.</summary>
public class InvalidActorNameException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public InvalidActorNameException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidActorNameException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
