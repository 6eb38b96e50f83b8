using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Tests.Transport.Support;

/// <summary>Captures every log line (level, event id, formatted message) for assertions.</summary>
internal sealed class TestLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public bool Contains(LogLevel level, string fragment) =>
        _lines.Any(l => l.Level == level && l.Message.Contains(fragment, StringComparison.Ordinal));

    public int Count(string fragment) => _lines.Count(l => l.Message.Contains(fragment, StringComparison.Ordinal));

    public string Dump() => string.Join(Environment.NewLine, _lines.Select(l => $"{l.Level} {l.EventId}: {l.Message}"));

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    internal sealed record LogLine(LogLevel Level, int EventId, string Message, Exception? Exception);

    private sealed class Logger(TestLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new LogLine(logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
