using Microsoft.Extensions.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace LithairAkka.Actors.Event;

/// <summary>
/// The <see cref="ILoggingAdapter"/> of an actor system: filters by <c>akka.loglevel</c>, then writes to an
/// <see cref="ILogger"/> (category = the logging class, structured state with the template's named values and
/// <c>LogSource</c>) and publishes the <see cref="LogEvent"/> on the event stream. Thread-safe.
/// </summary>
public sealed class LoggingAdapter : ILoggingAdapter
{
    private readonly EventStream _eventStream;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly LogLevel? _minimumLevel;

    /// <summary>Creates an adapter.</summary>
    /// <param name="eventStream">Where <see cref="LogEvent"/>s are published.</param>
    /// <param name="logger">Where entries are written.</param>
    /// <param name="timeProvider">The clock for timestamps.</param>
    /// <param name="minimumLevel">Entries below are dropped.</param>
    /// <param name="logSource">The source (an actor path).</param>
    /// <param name="logClass">The logging class.</param>
    public LoggingAdapter(EventStream eventStream, ILogger logger, TimeProvider timeProvider, LogLevel minimumLevel, string logSource, Type logClass)
    {
        _eventStream = eventStream ?? throw new ArgumentNullException(nameof(eventStream));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _minimumLevel = minimumLevel;
        LogSource = logSource ?? throw new ArgumentNullException(nameof(logSource));
        LogClass = logClass ?? throw new ArgumentNullException(nameof(logClass));
    }

    /// <summary>Creates an adapter whose minimum level follows <see cref="EventStream.LogLevel"/> of <paramref name="eventStream"/>.</summary>
    /// <param name="eventStream">Where <see cref="LogEvent"/>s are published, and whose level filters them.</param>
    /// <param name="logger">Where entries are written.</param>
    /// <param name="timeProvider">The clock for timestamps.</param>
    /// <param name="logSource">The source (an actor path).</param>
    /// <param name="logClass">The logging class.</param>
    public LoggingAdapter(EventStream eventStream, ILogger logger, TimeProvider timeProvider, string logSource, Type logClass)
        : this(eventStream, logger, timeProvider, LogLevel.DebugLevel, logSource, logClass) => _minimumLevel = null;

    /// <summary>The source of the entries.</summary>
    public string LogSource { get; }

    /// <summary>The logging class.</summary>
    public Type LogClass { get; }

    /// <inheritdoc/>
    public bool IsDebugEnabled => IsEnabled(LogLevel.DebugLevel);

    /// <inheritdoc/>
    public bool IsInfoEnabled => IsEnabled(LogLevel.InfoLevel);

    /// <inheritdoc/>
    public bool IsWarningEnabled => IsEnabled(LogLevel.WarningLevel);

    /// <inheritdoc/>
    public bool IsErrorEnabled => IsEnabled(LogLevel.ErrorLevel);

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel level) => level >= (_minimumLevel ?? _eventStream.LogLevel) && level != LogLevel.OffLevel;

    /// <inheritdoc/>
    public void Log(LogLevel level, Exception? cause, string template, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!IsEnabled(level))
        {
            return;
        }

        args ??= [];
        var now = _timeProvider.GetUtcNow();
        LogEvent logEvent = level switch
        {
            LogLevel.DebugLevel => new Debug(LogSource, LogClass, template, args, cause, now),
            LogLevel.InfoLevel => new Info(LogSource, LogClass, template, args, cause, now),
            LogLevel.WarningLevel => new Warning(LogSource, LogClass, template, args, cause, now),
            _ => new Error(LogSource, LogClass, template, args, cause, now),
        };

        var msLevel = ToMicrosoft(level);
        if (_logger.IsEnabled(msLevel))
        {
            _logger.Log(msLevel, default, new LogState(logEvent), cause, static (state, _) => state.ToString());
        }

        _eventStream.Publish(logEvent);
    }

    /// <inheritdoc/>
    public void Debug(string template, params object?[] args) => Log(LogLevel.DebugLevel, null, template, args);

    /// <inheritdoc/>
    public void Info(string template, params object?[] args) => Log(LogLevel.InfoLevel, null, template, args);

    /// <inheritdoc/>
    public void Warning(string template, params object?[] args) => Log(LogLevel.WarningLevel, null, template, args);

    /// <inheritdoc/>
    public void Warning(Exception? cause, string template, params object?[] args) => Log(LogLevel.WarningLevel, cause, template, args);

    /// <inheritdoc/>
    public void Error(string template, params object?[] args) => Log(LogLevel.ErrorLevel, null, template, args);

    /// <inheritdoc/>
    public void Error(Exception? cause, string template, params object?[] args) => Log(LogLevel.ErrorLevel, cause, template, args);

    /// <summary>Maps an Akka level to a Microsoft.Extensions.Logging level.</summary>
    public static MsLogLevel ToMicrosoft(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => MsLogLevel.Debug,
        LogLevel.InfoLevel => MsLogLevel.Information,
        LogLevel.WarningLevel => MsLogLevel.Warning,
        LogLevel.ErrorLevel => MsLogLevel.Error,
        _ => MsLogLevel.None,
    };

    /// <summary>Structured state: the template's named values, <c>LogSource</c> and <c>{OriginalFormat}</c>.</summary>
    private sealed class LogState(LogEvent logEvent) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly IReadOnlyList<string> _names = LogMessageFormatter.HoleNames(logEvent.Template);

        public int Count => Math.Min(_names.Count, logEvent.Args.Count) + 2;

        public KeyValuePair<string, object?> this[int index]
        {
            get
            {
                var named = Count - 2;
                if (index < named)
                {
                    return new KeyValuePair<string, object?>(_names[index], logEvent.Args[index]);
                }

                return index == named
                    ? new KeyValuePair<string, object?>("LogSource", logEvent.LogSource)
                    : new KeyValuePair<string, object?>("{OriginalFormat}", logEvent.Template);
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"[{logEvent.LogSource}] {logEvent.Message}";
    }
}
