using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>A recovery got no snapshot or event from its stores within <c>recovery-event-timeout</c>.</summary>
public sealed class RecoveryTimedOutException : AkkaException
{
    /// <summary>Creates the exception without message.</summary>
    public RecoveryTimedOutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RecoveryTimedOutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RecoveryTimedOutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
