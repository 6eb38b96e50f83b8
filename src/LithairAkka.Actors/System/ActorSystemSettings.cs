using LithairAkka.Actors.Event;
using LithairAkka.Hocon;

namespace LithairAkka.Actors;

/// <summary>
/// The <c>akka</c> settings of an actor system, bound once from HOCON (the user's config over the embedded
/// reference.conf) and validated: a bad value throws <see cref="ConfigurationException"/> naming the key.
/// Immutable.
/// </summary>
public sealed record ActorSystemSettings
{
    private ActorSystemSettings(string systemName, Config config)
    {
        SystemName = systemName;
        Config = config;
    }

    /// <summary>The system name.</summary>
    public string SystemName { get; }

    /// <summary>The full configuration (user config with reference fallback); later layers bind their sections from it.</summary>
    public Config Config { get; }

    /// <summary><c>akka.actor.provider</c>: local, remote, cluster or a provider type name.</summary>
    public string ProviderName { get; private init; } = "local";

    /// <summary><c>akka.loglevel</c>.</summary>
    public LogLevel LogLevel { get; private init; } = LogLevel.InfoLevel;

    /// <summary><c>akka.log-config-on-start</c>.</summary>
    public bool LogConfigOnStart { get; private init; }

    /// <summary><c>akka.log-dead-letters</c>: how many dead letters are logged (0 = none).</summary>
    public int LogDeadLetters { get; private init; } = 10;

    /// <summary><c>akka.log-dead-letters-during-shutdown</c>.</summary>
    public bool LogDeadLettersDuringShutdown { get; private init; }

    /// <summary><c>akka.extensions</c>: extension-id type names loaded at start.</summary>
    public IReadOnlyList<string> Extensions { get; private init; } = [];

    /// <summary><c>akka.actor.ask-timeout</c>: default Ask timeout, null for infinite.</summary>
    public TimeSpan? AskTimeout { get; private init; }

    /// <summary><c>akka.actor.guardian-supervisor-strategy</c>.</summary>
    public string GuardianSupervisorStrategy { get; private init; } = "LithairAkka.Actors.DefaultSupervisorStrategy";

    /// <summary><c>akka.actor.debug.lifecycle</c>: Debug entries for start, restart and stop.</summary>
    public bool DebugLifecycle { get; private init; }

    /// <summary><c>akka.actor.debug.unhandled</c>: Debug entries for unhandled messages.</summary>
    public bool DebugUnhandled { get; private init; }

    /// <summary><c>akka.coordinated-shutdown.run-by-actor-system-terminate</c>.</summary>
    public bool CoordinatedShutdownRunByActorSystemTerminate { get; private init; } = true;

    /// <summary>Binds and validates the settings.</summary>
    /// <exception cref="ConfigurationException">When a value is invalid.</exception>
    public static ActorSystemSettings Create(string systemName, Config config)
    {
        ArgumentException.ThrowIfNullOrEmpty(systemName);
        ArgumentNullException.ThrowIfNull(config);
        return new ActorSystemSettings(systemName, config)
        {
            ProviderName = NonEmpty(config, "akka.actor.provider", "local"),
            LogLevel = LogLevels.Parse(config.GetString("akka.loglevel", "INFO"), "akka.loglevel"),
            LogConfigOnStart = config.GetBoolean("akka.log-config-on-start", false),
            LogDeadLetters = ParseLogDeadLetters(config),
            LogDeadLettersDuringShutdown = config.GetBoolean("akka.log-dead-letters-during-shutdown", false),
            Extensions = config.HasPath("akka.extensions") ? config.GetStringList("akka.extensions") : [],
            AskTimeout = ParseOptionalDuration(config, "akka.actor.ask-timeout"),
            GuardianSupervisorStrategy = NonEmpty(config, "akka.actor.guardian-supervisor-strategy", "LithairAkka.Actors.DefaultSupervisorStrategy"),
            DebugLifecycle = config.GetBoolean("akka.actor.debug.lifecycle", false),
            DebugUnhandled = config.GetBoolean("akka.actor.debug.unhandled", false),
            CoordinatedShutdownRunByActorSystemTerminate = config.GetBoolean("akka.coordinated-shutdown.run-by-actor-system-terminate", true),
        };
    }

    /// <summary>Reads a duration that may be <c>infinite</c>/<c>off</c> (null).</summary>
    /// <exception cref="ConfigurationException">When the value is neither.</exception>
    internal static TimeSpan? ParseOptionalDuration(Config config, string key)
    {
        if (!config.HasPath(key))
        {
            return null;
        }

        var text = config.GetString(key);
        if (text is "infinite" or "off" or "none" or "")
        {
            return null;
        }

        var value = config.GetTimeSpan(key);
        if (value <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"'{key}' must be a positive duration or 'infinite', was '{text}'.");
        }

        return value;
    }

    private static int ParseLogDeadLetters(Config config)
    {
        const string Key = "akka.log-dead-letters";
        var text = config.GetString(Key, "10");
        return text switch
        {
            "on" or "true" or "yes" => int.MaxValue,
            "off" or "false" or "no" => 0,
            _ when int.TryParse(text, global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => throw new ConfigurationException($"'{Key}' must be on, off or a non-negative number, was '{text}'."),
        };
    }

    private static string NonEmpty(Config config, string key, string fallback)
    {
        var value = config.GetString(key, fallback);
        return string.IsNullOrWhiteSpace(value) ? throw new ConfigurationException($"'{key}' must not be empty.") : value;
    }
}
