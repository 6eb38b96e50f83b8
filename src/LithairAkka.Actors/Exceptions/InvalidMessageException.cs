namespace LithairAkka.Actors;

/// <summary>Thrown when a message is not acceptable (e.g. null).</summary>
public class InvalidMessageException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public InvalidMessageException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidMessageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
