namespace LithairAkka.Actors.Event;

/// <summary>A Error-level log event.</summary>
public sealed class Error : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Error(string logSource, Type logClass, string template, IReadOnlyList<object?> args, Exception? cause, DateTimeOffset timestamp)
        : base(logSource, logClass, template, args, cause, timestamp)
    {
    }

    /// <inheritdoc/>
    public override LogLevel LogLevel => LogLevel.ErrorLevel;
}
