namespace LithairAkka.Actors.Event;

/// <summary>
/// A log entry as published on the event stream (the test kit's EventFilter listens for them).
/// <see cref="Template"/> is a message template with named holes (<c>"Joined {Node}"</c>), <see cref="Args"/> its
/// values. Immutable.
/// </summary>
public abstract class LogEvent
{
    private string? _message;

    private protected LogEvent(string logSource, Type logClass, string template, IReadOnlyList<object?> args, Exception? cause, DateTimeOffset timestamp)
    {
        LogSource = logSource;
        LogClass = logClass;
        Template = template;
        Args = args;
        Cause = cause;
        Timestamp = timestamp;
        ThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>Where the entry comes from: usually the actor's path.</summary>
    public string LogSource { get; }

    /// <summary>The class that logged.</summary>
    public Type LogClass { get; }

    /// <summary>The message template.</summary>
    public string Template { get; }

    /// <summary>The template's values.</summary>
    public IReadOnlyList<object?> Args { get; }

    /// <summary>The exception, if any.</summary>
    public Exception? Cause { get; }

    /// <summary>When it was logged (the system's time provider).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The managed thread that logged.</summary>
    public int ThreadId { get; }

    /// <summary>The level.</summary>
    public abstract LogLevel LogLevel { get; }

    /// <summary>The template with its holes filled.</summary>
    public string Message => _message ??= LogMessageFormatter.Format(Template, Args);

    /// <summary>Formats as <c>[LEVEL][timestamp][Thread n][source] message</c>.</summary>
    public override string ToString() =>
        $"[{LogLevel.ToString().Replace("Level", string.Empty, StringComparison.Ordinal).ToUpperInvariant()}][{Timestamp:O}][Thread {ThreadId:0000}][{LogSource}] {Message}"
        + (Cause is null ? string.Empty : Environment.NewLine + Cause);
}
