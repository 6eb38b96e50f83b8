namespace LithairAkka.Actors.Event;

/// <summary>
/// Logging for actors (<c>Context.GetLogger()</c>): message templates with named holes
/// (<c>log.Info("Joined {Node}", node)</c>), written to Microsoft.Extensions.Logging and published as
/// <see cref="LogEvent"/> on the event stream. Entries below <c>akka.loglevel</c> cost one comparison. Thread-safe.
/// </summary>
public interface ILoggingAdapter
{
    /// <summary>Whether Debug entries are logged.</summary>
    bool IsDebugEnabled { get; }

    /// <summary>Whether Info entries are logged.</summary>
    bool IsInfoEnabled { get; }

    /// <summary>Whether Warning entries are logged.</summary>
    bool IsWarningEnabled { get; }

    /// <summary>Whether Error entries are logged.</summary>
    bool IsErrorEnabled { get; }

    /// <summary>Whether entries of <paramref name="level"/> are logged.</summary>
    bool IsEnabled(LogLevel level);

    /// <summary>Logs at <paramref name="level"/>.</summary>
    void Log(LogLevel level, Exception? cause, string template, params object?[] args);

    /// <summary>Logs a Debug entry.</summary>
    void Debug(string template, params object?[] args);

    /// <summary>Logs an Info entry.</summary>
    void Info(string template, params object?[] args);

    /// <summary>Logs a Warning entry.</summary>
    void Warning(string template, params object?[] args);

    /// <summary>Logs a Warning entry with an exception.</summary>
    void Warning(Exception? cause, string template, params object?[] args);

    /// <summary>Logs an Error entry.</summary>
    void Error(string template, params object?[] args);

    /// <summary>Logs an Error entry with an exception.</summary>
    void Error(Exception? cause, string template, params object?[] args);
}
