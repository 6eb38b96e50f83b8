using LithairAkka.Hocon;

namespace LithairAkka.Actors.Event;

/// <summary>Parses Akka's level names.</summary>
public static class LogLevels
{
    /// <summary>Parses DEBUG, INFO, WARNING, ERROR or OFF (case-insensitive).</summary>
    /// <param name="text">The configured value.</param>
    /// <param name="key">The configuration key, for the error message.</param>
    /// <exception cref="ConfigurationException">For any other value.</exception>
    public static LogLevel Parse(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "DEBUG" => LogLevel.DebugLevel,
            "INFO" => LogLevel.InfoLevel,
            "WARNING" or "WARN" => LogLevel.WarningLevel,
            "ERROR" => LogLevel.ErrorLevel,
            "OFF" => LogLevel.OffLevel,
            _ => throw new ConfigurationException($"'{key}' must be one of DEBUG, INFO, WARNING, ERROR, OFF; was '{text}'."),
        };
    }
}
