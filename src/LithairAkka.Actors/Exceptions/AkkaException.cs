namespace LithairAkka.Actors;

/// <summary>Base of the runtime's exceptions.</summary>
public class AkkaException : Exception
{
    /// <summary>Creates an exception without message.</summary>
    public AkkaException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public AkkaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public AkkaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
