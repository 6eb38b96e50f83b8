using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LithairAkka.TestKit.Xunit2;

/// <summary>An <see cref="ILoggerFactory"/> that writes every entry to the test's <see cref="ITestOutputHelper"/>.</summary>
public sealed class TestOutputLoggerFactory(ITestOutputHelper output, LogLevel minimumLevel = LogLevel.Debug) : ILoggerFactory
{
    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new OutputLogger(output, minimumLevel, categoryName);

    /// <summary>Providers are not supported: this factory only writes to the test output.</summary>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class OutputLogger(ITestOutputHelper output, LogLevel minimumLevel, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"[{logLevel}] [{category}] {formatter(state, exception)}" + (exception is null ? string.Empty : Environment.NewLine + exception);
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test already finished: xunit refuses output then.
            }
        }
    }
}
