using LithairAkka.Actors.Event;

namespace LithairAkka.TestKit;

/// <summary>
/// Builds event filters, as Akka's <c>EventFilter</c>: <c>EventFilter.Error&lt;InvalidOperationException&gt;().ExpectOne(() =&gt; actor.Tell("boom"))</c>.
/// Text criteria apply to the formatted log message: <c>message</c> (equal), <c>start</c> (prefix), <c>contains</c>;
/// <c>source</c> must equal the log source (an actor path) when given.
/// </summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _testKit;

    internal EventFilterFactory(TestKitBase testKit)
    {
        _testKit = testKit;
    }

    /// <summary>Error entries whose cause is a <typeparamref name="TException"/>.</summary>
    public IEventFilterApplier Error<TException>(string? message = null, string? start = null, string? contains = null, string? source = null)
        where TException : Exception => Error(typeof(TException), message, start, contains, source);

    /// <summary>Error entries (with a cause of <paramref name="exceptionType"/> when given).</summary>
    public IEventFilterApplier Error(Type? exceptionType = null, string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Log(LogLevel.ErrorLevel, message, start, contains, source, exceptionType, $"Error{(exceptionType is null ? string.Empty : "<" + exceptionType.Name + ">")}");

    /// <summary>Warning entries.</summary>
    public IEventFilterApplier Warning(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Log(LogLevel.WarningLevel, message, start, contains, source, null, "Warning");

    /// <summary>Info entries.</summary>
    public IEventFilterApplier Info(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Log(LogLevel.InfoLevel, message, start, contains, source, null, "Info");

    /// <summary>Debug entries (requires <c>akka.loglevel = DEBUG</c>).</summary>
    public IEventFilterApplier Debug(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Log(LogLevel.DebugLevel, message, start, contains, source, null, "Debug");

    /// <summary>Dead letters carrying a <typeparamref name="T"/> (matching <paramref name="isMatch"/> when given).</summary>
    public IEventFilterApplier DeadLetter<T>(Func<T, bool>? isMatch = null) =>
        new EventFilterApplier(_testKit, typeof(DeadLetter), e => e is DeadLetter { Message: T m } && (isMatch is null || isMatch(m)), $"DeadLetter<{typeof(T).Name}>");

    /// <summary>Any dead letter.</summary>
    public IEventFilterApplier DeadLetter() => new EventFilterApplier(_testKit, typeof(DeadLetter), static e => e is DeadLetter, "DeadLetter");

    private EventFilterApplier Log(LogLevel level, string? message, string? start, string? contains, string? source, Type? exceptionType, string description) =>
        new(_testKit, typeof(LogEvent), e => e is LogEvent log
            && log.LogLevel == level
            && (exceptionType is null || exceptionType.IsInstanceOfType(log.Cause))
            && (source is null || log.LogSource == source)
            && (message is null || log.Message == message)
            && (start is null || log.Message.StartsWith(start, StringComparison.Ordinal))
            && (contains is null || log.Message.Contains(contains, StringComparison.Ordinal)),
            description + Criteria(message, start, contains, source));

    private static string Criteria(string? message, string? start, string? contains, string? source)
    {
        var parts = new List<string>();
        if (message is not null)
        {
            parts.Add($"message == \"{message}\"");
        }

        if (start is not null)
        {
            parts.Add($"starts with \"{start}\"");
        }

        if (contains is not null)
        {
            parts.Add($"contains \"{contains}\"");
        }

        if (source is not null)
        {
            parts.Add($"source == {source}");
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";
    }
}
