namespace LithairAkka.Actors;

/// <summary>Reply messages reporting the outcome of an operation; a <see cref="Failure"/> reply faults an Ask.</summary>
public abstract record Status
{
    private Status()
    {
    }

    /// <summary>Successful outcome.</summary>
    /// <param name="Result">The result, if any.</param>
    public sealed record Success(object? Result) : Status;

    /// <summary>Failed outcome; an Ask receiving it throws <paramref name="Cause"/>.</summary>
    /// <param name="Cause">The failure.</param>
    public sealed record Failure(Exception Cause) : Status;
}
