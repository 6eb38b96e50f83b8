namespace LithairAkka.Persistence.Log;

/// <summary>
/// Thrown by every operation of a <see cref="ILogStore"/> after a write or flush failed: once a flush has failed the
/// content of the operating system's cache is unknown, so the store stops rather than risk acknowledging lost data.
/// The <see cref="Exception.InnerException"/> is the original failure. Reopen the store to recover.
/// </summary>
public sealed class LogStoreFaultedException : IOException
{
    /// <summary>Creates the exception with the default message.</summary>
    public LogStoreFaultedException()
        : base("The log store has faulted and must be reopened.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LogStoreFaultedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that faulted the store.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The original failure.</param>
    public LogStoreFaultedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
