namespace LithairAkka.Actors.Event;

/// <summary>A Info-level log event.</summary>
public sealed class Info : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Info(string logSource, Type logClass, string template, IReadOnlyList<object?> args, Exception? cause, DateTimeOffset timestamp)
        : base(logSource, logClass, template, args, cause, timestamp)
    {
    }

    /// <inheritdoc/>
    public override LogLevel LogLevel => LogLevel.InfoLevel;
}
