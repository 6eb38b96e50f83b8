namespace LithairAkka.Actors.Event;

/// <summary>A Debug-level log event.</summary>
public sealed class Debug : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Debug(string logSource, Type logClass, string template, IReadOnlyList<object?> args, Exception? cause, DateTimeOffset timestamp)
        : base(logSource, logClass, template, args, cause, timestamp)
    {
    }

    /// <inheritdoc/>
    public override LogLevel LogLevel => LogLevel.DebugLevel;
}
