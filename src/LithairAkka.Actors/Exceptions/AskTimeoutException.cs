namespace LithairAkka.Actors;

/// <summary>Thrown by an Ask that got no answer in time, or whose target was already dead.</summary>
public class AskTimeoutException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public AskTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AskTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public AskTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
