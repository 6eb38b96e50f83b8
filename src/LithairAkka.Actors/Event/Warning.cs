namespace LithairAkka.Actors.Event;

/// <summary>A Warning-level log event.</summary>
public sealed class Warning : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Warning(string logSource, Type logClass, string template, IReadOnlyList<object?> args, Exception? cause, DateTimeOffset timestamp)
        : base(logSource, logClass, template, args, cause, timestamp)
    {
    }

    /// <inheritdoc/>
    public override LogLevel LogLevel => LogLevel.WarningLevel;
}
