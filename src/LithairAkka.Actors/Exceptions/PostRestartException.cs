namespace LithairAkka.Actors;

/// <summary>The new instance failed in its constructor or <c>PostRestart</c> during a restart.</summary>
public sealed class PostRestartException : ActorInitializationException
{
    /// <summary>Creates the exception without message.</summary>
    public PostRestartException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PostRestartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PostRestartException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="actor"/>.</summary>
    /// <param name="actor">The restarting actor.</param>
    /// <param name="cause">What the new instance threw.</param>
    /// <param name="originalCause">The failure that caused the restart.</param>
    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, "exception post restart (" + originalCause?.GetType().Name + ")", cause)
    {
        OriginalCause = originalCause;
    }

    /// <summary>The failure that caused the restart.</summary>
    public Exception? OriginalCause { get; }
}
